//! The terminal kept whole: Ctrl-Z gives it back and `fg` redraws it all.

#[path = "common/pty.rs"]
mod pty;

use std::path::Path;
use std::time::{Duration, Instant};

use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

fn loi() -> &'static str {
    env!("CARGO_BIN_EXE_loi")
}

/// The state letter of process `pid` in `/proc/PID/stat`: `T` when stopped.
fn process_state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc");
    let after_name = &stat[stat.rfind(')').expect("a stat line") + 1..];
    after_name.trim_start().chars().next().expect("a state")
}

/// Waits until the screen is `want`, or fails showing both.
#[track_caller]
fn wait_for_screen(p: &Pty, want: &str, what: &str) {
    let deadline = Instant::now() + TIMEOUT;
    let mut got = p.screen();
    while got.trim_end() != want.trim_end() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        got = p.screen();
    }
    assert_eq!(got.trim_end(), want.trim_end(), "{what}");
}

/// Ctrl-Z under a shell with job control, 20 times: loi stops (state `T`), the shell
/// gets the normal screen, a visible cursor and cooked mode back; `fg` continues loi,
/// which takes the alternate screen again and sends the whole screen anew.
#[test]
fn ctrl_z_suspends_and_fg_resumes_with_a_full_redraw() {
    let script =
        r#"set -m; "$0"; stty -a; echo "stopped: $(jobs -p)"; read x; fg; echo "loi exited: $?""#;
    for run in 0..20 {
        let mut p = Pty::spawn(Path::new("/bin/bash"), &["-c", script, loi()], &[], 100, 30);
        p.wait_for("Article D313-14", TIMEOUT);
        // The whole first screen, status line included.
        let before = p.wait_for("q quit                          All", TIMEOUT);
        p.key(Key::Ctrl('z'));
        let shell = p.wait_for("stopped: ", TIMEOUT);
        let pid: u32 = shell
            .split("stopped: ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|pid| pid.parse().ok())
            .unwrap_or_else(|| panic!("run {run}: no pid in\n{shell}"));
        assert_eq!(process_state(pid), 'T', "run {run}: loi is stopped");
        assert_eq!(
            p.modes(),
            (false, false),
            "run {run}: normal screen, cursor shown"
        );
        let words: Vec<&str> = shell.split_whitespace().collect();
        assert!(
            words.contains(&"icanon") && words.contains(&"echo") && !words.contains(&"-icanon"),
            "run {run}: cooked mode\n{shell}"
        );
        let mark = p.output().len();
        p.send(b"\n");
        wait_for_screen(&p, &before, &format!("run {run}: the screen redrawn"));
        assert_eq!(p.modes(), (true, true), "run {run}: alternate screen again");
        assert_ne!(process_state(pid), 'T', "run {run}: loi runs again");
        // Redrawn from scratch, not as a difference from what the shell showed.
        let resumed = String::from_utf8_lossy(&p.output()[mark..]).into_owned();
        assert!(
            resumed.contains("\x1b[?1049h") && resumed.contains("\x1b[2J"),
            "run {run}"
        );
        assert!(resumed.contains("Article D313-14"), "run {run}");
        p.key(Key::Char('q'));
        p.wait_for("loi exited: 0", TIMEOUT);
        assert_eq!(p.wait_exit(TIMEOUT), Some(0), "run {run}");
    }
}
