#!/bin/bash
# Long input into a prompt, as a person types or pastes it (issue 22, item 7; figures
# in docs/RELIABILITY.md): opens BIN on MIRROR at L6123-1 in tmux at 80x24, presses
# KEY (g, /, s, @), sends UNIT repeated to CHARS characters as keys one by one
# (`keys`) or as one bracketed paste (`paste`), then Escape, and says how long the
# prompt took to close (no cursor ▏ left on screen) and the reader's CPU time.
#
#     bench/prompt-attack.sh BIN MIRROR UNIT CHARS keys|paste [KEY]
#
# Uses its own tmux socket (-L prompt-attack) and the XDG folders of the caller;
# PATIENCE=N gives up after N looks at the screen (6000 by default, some 10 minutes).
set -u
BIN=$1 MIR=$2 UNIT=$3 N=$4 MODE=$5 KEY=${6:-g}
S=prompt-attack
tmux -L $S kill-session -t T 2>/dev/null
tmux -L $S new -d -s T -x 80 -y 24 "$BIN --mirror $MIR L6123-1"
for _ in $(seq 300); do
  tmux -L $S capture-pane -p -t T | grep -q "Article L6123-1" && break
  sleep 0.2
done
TEXT=$(python3 -c 'import sys, itertools
print("".join(itertools.islice(itertools.cycle(sys.argv[1]), int(sys.argv[2]))), end="")' "$UNIT" "$N")
tmux -L $S send-keys -t T "$KEY"
sleep 0.3
T0=$(date +%s.%N)
if [ "$MODE" = paste ]; then
  FILE=$(mktemp)
  printf '%s' "$TEXT" > "$FILE"
  tmux -L $S load-buffer -b p "$FILE"
  tmux -L $S paste-buffer -p -b p -t T
  rm -f "$FILE"
else
  tmux -L $S send-keys -t T -l "$TEXT"
fi
tmux -L $S send-keys -t T Escape
OPEN="gave up, still open"
for _ in $(seq "${PATIENCE:-6000}"); do
  tmux -L $S capture-pane -p -t T | grep -q "▏" || { OPEN=closed; break; }
  sleep 0.05
done
T1=$(date +%s.%N)
PID=$(tmux -L $S list-panes -t T -F '#{pane_pid}')
echo "$MODE $N × '$UNIT' into $KEY: $OPEN after $(echo "$T1 - $T0" | bc) s, cpu $(ps -o time= -p "$PID")"
tmux -L $S kill-session -t T
