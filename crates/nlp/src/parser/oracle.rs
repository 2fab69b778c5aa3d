//! Goldberg and Nivre's dynamic oracle for arc-hybrid (TACL 2013): the cost of a transition is
//! the number of gold arcs it makes unreachable, with the single-root constraint taken into
//! account. Exact for projective single-root gold trees, which [`projectivize`] provides by
//! lifting.

use super::state::{Move, State};

/// Gold arcs lost by `action` in `state`; `gold[i]` is token `i`'s head (`n` = root).
///
/// The root can only take the last word left on the stack (see `State::is_valid`), so a gold
/// root arc is still reachable only while its word could become that word.
pub(crate) fn cost(state: &State, gold: &[usize], action: Move) -> usize {
    let Some(s0) = state.stack_item(0) else {
        // Only SHIFT is possible on an empty stack, and it loses nothing there.
        return 0;
    };
    let (b0, n) = (state.buffer, state.n);
    // Can `token` (the stack top) still get its gold head from the buffer side?
    let head_ahead = |token: usize| {
        let head = gold[token];
        (head >= b0 && head < n) || (head == n && state.stack.len() == 1)
    };
    let dependents_in_buffer = |head: usize| (b0..n).filter(|&d| gold[d] == head).count();
    match action {
        Move::Left => {
            let head = gold[s0];
            let lost_head = head != b0 && (Some(head) == state.stack_item(1) || head_ahead(s0));
            usize::from(lost_head) + dependents_in_buffer(s0)
        }
        Move::Right => usize::from(head_ahead(s0)) + dependents_in_buffer(s0),
        Move::Shift => {
            if b0 >= n {
                return 0;
            }
            let below = &state.stack[..state.stack.len() - 1];
            // Shifting the root word onto a non-empty stack buries it: it can never be last.
            let lost_head = below.contains(&gold[b0]) || gold[b0] == n;
            let lost_dependents = state.stack.iter().filter(|&&d| gold[d] == b0).count();
            usize::from(lost_head) + lost_dependents
        }
    }
}

/// Lifts non-projective arcs (each to its head's head, shortest first) until the tree is
/// projective, as MaltParser's lifting does without label encoding. Returns the number of lifts.
pub(crate) fn projectivize(heads: &mut [usize]) -> usize {
    let n = heads.len();
    let mut lifts = 0;
    while let Some(dependent) = shortest_non_projective(heads) {
        let head = heads[dependent];
        if head >= n {
            break;
        }
        heads[dependent] = heads[head];
        lifts += 1;
        if lifts > n * n {
            break;
        }
    }
    lifts
}

/// An arc is projective when its head dominates every token between head and dependent.
fn shortest_non_projective(heads: &[usize]) -> Option<usize> {
    let n = heads.len();
    let mut best: Option<(usize, usize)> = None;
    for dependent in 0..n {
        let head = heads[dependent];
        let (low, high) = if head < dependent {
            (head, dependent)
        } else {
            (dependent, head.min(n))
        };
        let crossing = (low + 1..high).any(|between| !dominates(heads, head, between));
        if crossing {
            let length = high - low;
            if best.is_none_or(|(_, l)| length < l) {
                best = Some((dependent, length));
            }
        }
    }
    best.map(|(dependent, _)| dependent)
}

fn dominates(heads: &[usize], ancestor: usize, mut token: usize) -> bool {
    let n = heads.len();
    for _ in 0..=n {
        if token == ancestor {
            return true;
        }
        if token >= n {
            return false;
        }
        token = heads[token];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::state::MOVES;

    /// Following zero-cost transitions from the start rebuilds a projective gold tree exactly.
    #[test]
    fn zero_cost_path_rebuilds_gold() {
        // "A hearing is scheduled on the issue today ." (projective)
        let gold = vec![1, 3, 3, 9, 6, 6, 3, 3, 3];
        let mut state = State::new(gold.len());
        while !state.is_terminal() {
            let action = MOVES
                .iter()
                .copied()
                .find(|&m| state.is_valid(m) && cost(&state, &gold, m) == 0)
                .expect("a zero-cost move exists");
            state.apply(action);
        }
        assert_eq!(state.heads, gold);
    }

    /// Regression (review of the first version): shifting the root word onto a non-empty stack
    /// loses the root arc and must cost 1.
    #[test]
    fn shifting_the_root_word_onto_a_stack_costs_the_root_arc() {
        let gold = vec![1, 2, 3];
        let mut state = State::new(3);
        for action in [Move::Shift, Move::Shift, Move::Right] {
            state.apply(action);
        }
        assert_eq!(state.stack, vec![0]);
        assert_eq!(state.buffer, 2);
        assert_eq!(cost(&state, &gold, Move::Shift), 1);
    }

    /// From every state reached by any valid moves, some valid move has the minimal cost and the
    /// costs never exceed the arcs still to be made.
    #[test]
    fn some_move_is_always_cheapest_off_the_gold_path() {
        let gold = vec![1, 3, 1];
        let mut frontier = vec![State::new(3)];
        while let Some(state) = frontier.pop() {
            if state.is_terminal() {
                continue;
            }
            let valid: Vec<Move> = MOVES
                .iter()
                .copied()
                .filter(|&m| state.is_valid(m))
                .collect();
            assert!(!valid.is_empty());
            for action in valid {
                assert!(cost(&state, &gold, action) <= gold.len());
                let mut next = state.clone();
                next.apply(action);
                frontier.push(next);
            }
        }
    }

    #[test]
    fn lifting_makes_a_tree_projective() {
        // 0 <- 2 crosses 1 -> 3: token 3's head 1, token 0's head 2, root 1.
        let mut heads = vec![2, 4, 1, 1];
        let lifts = projectivize(&mut heads);
        assert!(lifts >= 1);
        assert!(shortest_non_projective(&heads).is_none());
    }
}
