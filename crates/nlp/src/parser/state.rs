//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with the root
//! token at the end of the buffer, as Goldberg and Nivre's dynamic oracle assumes.
//!
//! Tokens are `0..n`; `n` is the artificial root. SHIFT pushes the buffer front; LEFT makes the
//! buffer front the head of the stack top and pops it; RIGHT makes the second stack item the head
//! of the stack top and pops it.

/// A transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    Shift = 0,
    Left = 1,
    Right = 2,
}

/// All transitions, indexed by class number.
pub(crate) const MOVES: [Move; 3] = [Move::Shift, Move::Left, Move::Right];

/// A parser configuration.
#[derive(Debug, Clone)]
pub(crate) struct State {
    /// Number of real tokens; the root is token `n`.
    pub n: usize,
    pub stack: Vec<usize>,
    /// Index of the buffer front; the buffer is `buffer..=n`.
    pub buffer: usize,
    /// Head of each token (`n` = root), `usize::MAX` while unattached.
    pub heads: Vec<usize>,
    /// Dependents of each token (including the root), in attachment order.
    left_children: Vec<Vec<usize>>,
    right_children: Vec<Vec<usize>>,
}

pub(crate) const NONE: usize = usize::MAX;

impl State {
    pub fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            buffer: 0,
            heads: vec![NONE; n],
            left_children: vec![Vec::new(); n + 1],
            right_children: vec![Vec::new(); n + 1],
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.buffer >= self.n
    }

    /// The `i`-th stack item from the top, if any.
    pub fn stack_item(&self, i: usize) -> Option<usize> {
        self.stack.len().checked_sub(i + 1).map(|at| self.stack[at])
    }

    /// The `i`-th buffer item (the root counts as the last one), if any.
    pub fn buffer_item(&self, i: usize) -> Option<usize> {
        let at = self.buffer + i;
        (at <= self.n).then_some(at)
    }

    pub fn is_valid(&self, action: Move) -> bool {
        match action {
            Move::Shift => self.buffer < self.n,
            // Only one word may attach to the root: the last one left on the stack.
            Move::Left => !self.stack.is_empty() && (self.buffer < self.n || self.stack.len() == 1),
            Move::Right => self.stack.len() >= 2,
        }
    }

    /// Applies a valid transition.
    pub fn apply(&mut self, action: Move) {
        match action {
            Move::Shift => {
                self.stack.push(self.buffer);
                self.buffer += 1;
            }
            Move::Left => {
                if let Some(dependent) = self.stack.pop() {
                    self.attach(self.buffer, dependent);
                }
            }
            Move::Right => {
                if let Some(dependent) = self.stack.pop() {
                    if let Some(&head) = self.stack.last() {
                        self.attach(head, dependent);
                    }
                }
            }
        }
    }

    fn attach(&mut self, head: usize, dependent: usize) {
        self.heads[dependent] = head;
        if dependent < head {
            self.left_children[head].push(dependent);
        } else {
            self.right_children[head].push(dependent);
        }
    }

    /// The leftmost dependent of `token` (`nth` = 0) or the next one in (`nth` = 1).
    ///
    /// Left dependents attach nearest first (LEFT pops the stack top), so the leftmost is the
    /// last attached; right dependents attach nearest first too (RIGHT needs everything between
    /// popped), so the rightmost is also the last attached.
    pub fn leftmost(&self, token: usize, nth: usize) -> Option<usize> {
        let children = &self.left_children[token];
        children.len().checked_sub(nth + 1).map(|at| children[at])
    }

    /// The rightmost dependent of `token` (`nth` = 0) or the next one in (`nth` = 1).
    pub fn rightmost(&self, token: usize, nth: usize) -> Option<usize> {
        let children = &self.right_children[token];
        children.len().checked_sub(nth + 1).map(|at| children[at])
    }

    pub fn left_count(&self, token: usize) -> usize {
        self.left_children[token].len()
    }

    pub fn right_count(&self, token: usize) -> usize {
        self.right_children[token].len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_small_tree() {
        // "Putin agreed ." : agreed <- Putin (left), agreed -> . (right), root -> agreed
        let mut state = State::new(3);
        for action in [
            Move::Shift,
            Move::Left,
            Move::Shift,
            Move::Shift,
            Move::Right,
            Move::Left,
        ] {
            assert!(state.is_valid(action), "{action:?}");
            state.apply(action);
        }
        assert!(state.is_terminal());
        assert_eq!(state.heads, vec![1, 3, 1]);
        assert_eq!(state.leftmost(1, 0), Some(0));
        assert_eq!(state.rightmost(1, 0), Some(2));
    }
}
