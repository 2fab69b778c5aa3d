//! Goldberg and Nivre's dynamic oracle for arc-hybrid (2013): the cost of a transition is the
//! number of gold arcs it makes unreachable. Exact for projective gold trees, which
//! [`projectivize`] provides by lifting.

use super::state::{Move, State};

/// Gold arcs lost by `action` in `state`; `gold[i]` is token `i`'s head (`n` = root).
pub(crate) fn cost(state: &State, gold: &[usize], action: Move) -> usize {
    let Some(s0) = state.stack_item(0) else {
        // Only SHIFT is possible on an empty stack, and it loses nothing there.
        return 0;
    };
    let b0 = state.buffer;
    let in_buffer = |token: usize| token >= state.buffer && token <= state.n;
    let dependents_in_buffer =
        |head: usize| (state.buffer..state.n).filter(|&d| gold[d] == head).count();
    match action {
        Move::Left => {
            let head = gold[s0];
            let lost_head = head != b0 && (Some(head) == state.stack_item(1) || in_buffer(head));
            usize::from(lost_head) + dependents_in_buffer(s0)
        }
        Move::Right => usize::from(in_buffer(gold[s0])) + dependents_in_buffer(s0),
        Move::Shift => {
            if b0 >= state.n {
                return 0;
            }
            let stack = &state.stack[..state.stack.len() - 1];
            let lost_head = usize::from(stack.contains(&gold[b0]));
            let lost_dependents = state.stack.iter().filter(|&&d| gold[d] == b0).count();
            lost_head + lost_dependents
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

    #[test]
    fn lifting_makes_a_tree_projective() {
        // 0 <- 2 crosses 1 -> 3: token 3's head 1, token 0's head 2, root 1.
        let mut heads = vec![2, 4, 1, 1];
        let lifts = projectivize(&mut heads);
        assert!(lifts >= 1);
        assert!(shortest_non_projective(&heads).is_none());
    }
}
