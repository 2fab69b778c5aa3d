//! The exchange algorithm for class-based bigram word clustering (Kneser and Ney 1993; Martin,
//! Liermann and Ney 1998): start from a frequency-ranked assignment, then repeatedly move each
//! word to the class that most raises the likelihood of the class bigram model
//! `Σ N(c,d) log N(c,d) − Σ N_L(c) log N_L(c) − Σ N_R(c) log N_R(c)`.
//!
//! Deterministic: words are visited in frequency order, ties go to the lowest class.

use std::collections::HashMap;

/// `x log x`, with a table for small counts (most of them).
struct XLogX {
    table: Vec<f64>,
}

impl XLogX {
    fn new(size: usize) -> XLogX {
        XLogX {
            table: (0..size)
                .map(|x| {
                    if x == 0 {
                        0.0
                    } else {
                        x as f64 * (x as f64).ln()
                    }
                })
                .collect(),
        }
    }

    #[inline]
    fn get(&self, x: i64) -> f64 {
        if x <= 0 {
            0.0
        } else if let Some(v) = self.table.get(x as usize) {
            *v
        } else {
            x as f64 * (x as f64).ln()
        }
    }
}

/// Clusters words `0..vocabulary` given a corpus as word ids (`None` = a word outside the
/// vocabulary, which breaks bigrams). Returns the class of each word.
pub fn exchange(
    corpus: &[Option<u32>],
    vocabulary: usize,
    classes: usize,
    iterations: usize,
) -> Vec<u16> {
    let classes = classes.clamp(2, u16::MAX as usize);
    // Word bigram counts, both directions, and self bigrams.
    let mut successors: Vec<HashMap<u32, i64>> = vec![HashMap::new(); vocabulary];
    let mut predecessors: Vec<HashMap<u32, i64>> = vec![HashMap::new(); vocabulary];
    let mut left_count = vec![0i64; vocabulary];
    let mut right_count = vec![0i64; vocabulary];
    for pair in corpus.windows(2) {
        if let [Some(a), Some(b)] = pair {
            *successors[*a as usize].entry(*b).or_default() += 1;
            *predecessors[*b as usize].entry(*a).or_default() += 1;
            left_count[*a as usize] += 1;
            right_count[*b as usize] += 1;
        }
    }
    let successors: Vec<Vec<(u32, i64)>> = successors.into_iter().map(sorted).collect();
    let predecessors: Vec<Vec<(u32, i64)>> = predecessors.into_iter().map(sorted).collect();
    // Frequency order, ties by id.
    let mut order: Vec<usize> = (0..vocabulary).collect();
    order.sort_by_key(|&w| (std::cmp::Reverse(left_count[w] + right_count[w]), w));
    let mut class_of = vec![0u16; vocabulary];
    for (rank, &w) in order.iter().enumerate() {
        class_of[w] = (rank.min(classes - 1)) as u16;
    }
    let k = classes;
    let mut n = vec![0i64; k * k];
    let mut n_left = vec![0i64; k];
    let mut n_right = vec![0i64; k];
    for w in 0..vocabulary {
        let c = class_of[w] as usize;
        n_left[c] += left_count[w];
        n_right[c] += right_count[w];
        for &(v, count) in &successors[w] {
            n[c * k + class_of[v as usize] as usize] += count;
        }
    }
    let f = XLogX::new(1 << 20);
    let mut to_class = vec![0i64; k];
    let mut from_class = vec![0i64; k];
    let mut touched_to: Vec<usize> = Vec::new();
    let mut touched_from: Vec<usize> = Vec::new();
    for _ in 0..iterations {
        let mut moved = 0;
        for &w in &order {
            // Counts from w to each class and from each class to w, excluding w itself.
            let mut self_pairs = 0;
            for &(v, count) in &successors[w] {
                if v as usize == w {
                    self_pairs = count;
                    continue;
                }
                let d = class_of[v as usize] as usize;
                if to_class[d] == 0 {
                    touched_to.push(d);
                }
                to_class[d] += count;
            }
            for &(u, count) in &predecessors[w] {
                if u as usize == w {
                    continue;
                }
                let d = class_of[u as usize] as usize;
                if from_class[d] == 0 {
                    touched_from.push(d);
                }
                from_class[d] += count;
            }
            let old = class_of[w] as usize;
            // Take w out of its class.
            for &d in &touched_to {
                n[old * k + d] -= to_class[d];
            }
            for &d in &touched_from {
                n[d * k + old] -= from_class[d];
            }
            n[old * k + old] -= self_pairs;
            n_left[old] -= left_count[w];
            n_right[old] -= right_count[w];
            // Score each class for w.
            let mut best = old;
            let mut best_gain = f64::NEG_INFINITY;
            for b in 0..k {
                let mut gain = 0.0;
                for &d in &touched_to {
                    if d == b {
                        continue;
                    }
                    let cell = n[b * k + d];
                    gain += f.get(cell + to_class[d]) - f.get(cell);
                }
                for &d in &touched_from {
                    if d == b {
                        continue;
                    }
                    let cell = n[d * k + b];
                    gain += f.get(cell + from_class[d]) - f.get(cell);
                }
                let diagonal = n[b * k + b];
                gain +=
                    f.get(diagonal + to_class[b] + from_class[b] + self_pairs) - f.get(diagonal);
                gain -= f.get(n_left[b] + left_count[w]) - f.get(n_left[b]);
                gain -= f.get(n_right[b] + right_count[w]) - f.get(n_right[b]);
                if gain > best_gain + 1e-9 || (b == old && gain >= best_gain - 1e-9) {
                    best_gain = gain;
                    best = b;
                }
            }
            // Put w into the best class.
            for &d in &touched_to {
                n[best * k + d] += to_class[d];
            }
            for &d in &touched_from {
                n[d * k + best] += from_class[d];
            }
            n[best * k + best] += self_pairs;
            n_left[best] += left_count[w];
            n_right[best] += right_count[w];
            if best != old {
                moved += 1;
                class_of[w] = best as u16;
            }
            for &d in &touched_to {
                to_class[d] = 0;
            }
            for &d in &touched_from {
                from_class[d] = 0;
            }
            touched_to.clear();
            touched_from.clear();
        }
        if moved == 0 {
            break;
        }
    }
    class_of
}

fn sorted(map: HashMap<u32, i64>) -> Vec<(u32, i64)> {
    let mut list: Vec<(u32, i64)> = map.into_iter().collect();
    list.sort_unstable();
    list
}

#[cfg(test)]
mod objective_tests {
    use super::*;

    /// The full objective, computed from scratch.
    fn objective(corpus: &[Option<u32>], class_of: &[u16], k: usize) -> f64 {
        let mut n = vec![0f64; k * k];
        let mut left = vec![0f64; k];
        let mut right = vec![0f64; k];
        for pair in corpus.windows(2) {
            if let [Some(a), Some(b)] = pair {
                let (ca, cb) = (
                    class_of[*a as usize] as usize,
                    class_of[*b as usize] as usize,
                );
                n[ca * k + cb] += 1.0;
                left[ca] += 1.0;
                right[cb] += 1.0;
            }
        }
        let f = |x: f64| if x > 0.0 { x * x.ln() } else { 0.0 };
        n.iter().map(|&x| f(x)).sum::<f64>()
            - left.iter().map(|&x| f(x)).sum::<f64>()
            - right.iter().map(|&x| f(x)).sum::<f64>()
    }

    #[test]
    fn the_result_is_a_local_optimum() {
        let mut state = 12345u64;
        let mut corpus = Vec::new();
        for _ in 0..3000 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let w = (state >> 33) % 12;
            corpus.push(if w == 11 { None } else { Some(w as u32) });
        }
        let k = 4;
        let classes = exchange(&corpus, 11, k, 20);
        let base = objective(&corpus, &classes, k);
        for w in 0..11 {
            for c in 0..k as u16 {
                let mut moved = classes.clone();
                moved[w] = c;
                assert!(
                    objective(&corpus, &moved, k) <= base + 1e-6,
                    "moving {w} to {c} improves"
                );
            }
        }
    }
}
