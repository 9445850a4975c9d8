//! Myers' difference algorithm (« An O(ND) Difference Algorithm and Its Variations »,
//! 1986) in linear space (the middle snake, divide and conquer) over token ids, with a
//! budget: comparing two long unrelated texts costs the product of their lengths, so
//! once the budget is spent a part still to compare is given as deleted and inserted
//! whole. The budget counts work, not time, so that a diff is the same on every run.

use std::ops::{Index, IndexMut, Range};

/// One step of an edit script, on token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    /// `len` tokens the same from `old` and from `new`.
    Equal {
        old: usize,
        new: usize,
        len: usize,
    },
    Delete {
        old: usize,
        len: usize,
    },
    Insert {
        new: usize,
        len: usize,
    },
}

/// What the searches of one comparison may spend, shared by all its diffs: one unit
/// per diagonal tried and per token compared along it.
#[derive(Debug)]
pub(super) struct Budget {
    cap: usize,
    spent: usize,
}

impl Budget {
    pub(super) fn new(cap: usize) -> Budget {
        Budget { cap, spent: 0 }
    }

    /// Whether it ran out: some part was replaced whole rather than compared.
    pub(super) fn exhausted(&self) -> bool {
        self.spent >= self.cap
    }

    #[cfg(test)]
    pub(super) fn spent(&self) -> usize {
        self.spent
    }

    fn spend(&mut self, units: usize) {
        self.spent = self.spent.saturating_add(units);
    }
}

/// The edit script from `old` to `new`: shortest while the budget lasts. The steps
/// cover both sequences in order.
pub(super) fn diff(old: &[u32], new: &[u32], budget: &mut Budget) -> Vec<Op> {
    let mut out = Vec::new();
    let max = (old.len() + new.len()).div_ceil(2) + 1;
    let mut search = Search {
        old,
        new,
        forward: V::new(max),
        backward: V::new(max),
        budget,
    };
    search.conquer(0..old.len(), 0..new.len(), &mut out);
    out
}

/// The furthest x reached on each diagonal k (x − y), k from −max to max.
struct V {
    offset: isize,
    v: Vec<usize>,
}

impl V {
    fn new(max: usize) -> V {
        V {
            offset: max as isize,
            v: vec![0; 2 * max + 1],
        }
    }
}

impl Index<isize> for V {
    type Output = usize;
    fn index(&self, k: isize) -> &usize {
        &self.v[(k + self.offset) as usize]
    }
}

impl IndexMut<isize> for V {
    fn index_mut(&mut self, k: isize) -> &mut usize {
        &mut self.v[(k + self.offset) as usize]
    }
}

struct Search<'a, 'b> {
    old: &'a [u32],
    new: &'a [u32],
    forward: V,
    backward: V,
    budget: &'b mut Budget,
}

impl Search<'_, '_> {
    fn conquer(&mut self, mut o: Range<usize>, mut n: Range<usize>, out: &mut Vec<Op>) {
        let prefix = common_prefix(&self.old[o.clone()], &self.new[n.clone()]);
        push(
            out,
            Op::Equal {
                old: o.start,
                new: n.start,
                len: prefix,
            },
        );
        o.start += prefix;
        n.start += prefix;
        let suffix = common_suffix(&self.old[o.clone()], &self.new[n.clone()]);
        o.end -= suffix;
        n.end -= suffix;
        if !o.is_empty() && !n.is_empty() {
            match self.middle_snake(o.clone(), n.clone()) {
                // Each half strictly smaller, or the recursion would not end.
                Some((x, y)) if (x, y) != (o.start, n.start) && (x, y) != (o.end, n.end) => {
                    self.conquer(o.start..x, n.start..y, out);
                    self.conquer(x..o.end, y..n.end, out);
                }
                _ => replace(out, o.clone(), n.clone()),
            }
        } else {
            replace(out, o.clone(), n.clone());
        }
        push(
            out,
            Op::Equal {
                old: o.end,
                new: n.end,
                len: suffix,
            },
        );
    }

    /// A point on a shortest path through the middle of the edit graph of `o` × `n`
    /// (whose first tokens differ, as do their last), or `None` when the budget is
    /// spent before the forward and backward searches meet.
    fn middle_snake(&mut self, o: Range<usize>, n: Range<usize>) -> Option<(usize, usize)> {
        let (a, b) = (&self.old[o.clone()], &self.new[n.clone()]);
        let (la, lb) = (a.len(), b.len());
        let delta = la as isize - lb as isize;
        let odd = delta & 1 == 1;
        let (vf, vb) = (&mut self.forward, &mut self.backward);
        vf[1] = 0;
        vb[1] = 0;
        let d_max = (la + lb).div_ceil(2) + 1;
        for d in 0..d_max as isize {
            if self.budget.exhausted() {
                return None;
            }
            self.budget.spend(2 * (2 * d as usize + 1));
            for k in (-d..=d).rev().step_by(2) {
                let mut x = if k == -d || (k != d && vf[k - 1] < vf[k + 1]) {
                    vf[k + 1]
                } else {
                    vf[k - 1] + 1
                };
                let y = (x as isize - k) as usize;
                let (x0, y0) = (x, y);
                if x < la && y < lb {
                    let run = common_prefix(&a[x..], &b[y..]);
                    self.budget.spend(run);
                    x += run;
                }
                vf[k] = x;
                let meets = odd && (k - delta).abs() < d && x + vb[delta - k] >= la;
                if meets && x0 <= la && y0 <= lb {
                    return Some((o.start + x0, n.start + y0));
                }
            }
            for k in (-d..=d).rev().step_by(2) {
                let mut x = if k == -d || (k != d && vb[k - 1] < vb[k + 1]) {
                    vb[k + 1]
                } else {
                    vb[k - 1] + 1
                };
                let mut y = (x as isize - k) as usize;
                if x < la && y < lb {
                    let run = common_suffix(&a[..la - x], &b[..lb - y]);
                    self.budget.spend(run);
                    x += run;
                    y += run;
                }
                vb[k] = x;
                let meets = !odd && (k - delta).abs() <= d && x + vf[delta - k] >= la;
                if meets && x <= la && y <= lb {
                    return Some((o.start + la - x, n.start + lb - y));
                }
            }
        }
        None
    }
}

/// `o` deleted and `n` inserted, either maybe empty.
fn replace(out: &mut Vec<Op>, o: Range<usize>, n: Range<usize>) {
    push(
        out,
        Op::Delete {
            old: o.start,
            len: o.len(),
        },
    );
    push(
        out,
        Op::Insert {
            new: n.start,
            len: n.len(),
        },
    );
}

/// Adds a step, joined to the last when it goes on from it; an empty one is dropped.
fn push(out: &mut Vec<Op>, op: Op) {
    let len = match op {
        Op::Equal { len, .. } | Op::Delete { len, .. } | Op::Insert { len, .. } => len,
    };
    if len == 0 {
        return;
    }
    match (out.last_mut(), op) {
        (
            Some(Op::Equal { old, new, len: l }),
            Op::Equal {
                old: o,
                new: n,
                len,
            },
        ) if *old + *l == o && *new + *l == n => {
            *l += len;
        }
        (Some(Op::Delete { old, len: l }), Op::Delete { old: o, len }) if *old + *l == o => {
            *l += len;
        }
        (Some(Op::Insert { new, len: l }), Op::Insert { new: n, len }) if *new + *l == n => {
            *l += len;
        }
        _ => out.push(op),
    }
}

fn common_prefix(a: &[u32], b: &[u32]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &[u32], b: &[u32]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}
