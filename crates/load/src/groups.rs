//! A relation's rows grouped per parent: [`Groups`] of row indexes, and [`Children`], the
//! typed rows with their groups.

use std::cmp::Ordering;
use std::collections::HashMap;

/// Child row indexes per parent row, in child row order: parent `p`'s are
/// `members[starts[p]..starts[p + 1]]`. Built once per relation, so a parent's children are
/// found without a lookup per written row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Groups {
    starts: Vec<usize>,
    members: Vec<usize>,
}

impl Groups {
    /// Child row `c` goes under parent row `parent_of[c]` (nowhere when `None`).
    pub fn of(parents: usize, parent_of: &[Option<usize>]) -> Self {
        let mut starts = vec![0; parents + 1];
        for &parent in parent_of.iter().flatten() {
            if let Some(size) = starts.get_mut(parent + 1) {
                *size += 1;
            }
        }
        for parent in 0..parents {
            starts[parent + 1] += starts[parent];
        }
        let mut next = starts.clone();
        let mut members = vec![0; starts[parents]];
        for (child, parent) in parent_of.iter().enumerate() {
            if let Some(slot) = parent.and_then(|p| next.get_mut(p)) {
                members[*slot] = child;
                *slot += 1;
            }
        }
        Self { starts, members }
    }

    /// Child row `c` goes under the parent whose key is `owners[c]`; `parents` are the parent
    /// rows' keys, in row order.
    pub fn by_key<K: AsRef<str>, O: AsRef<str>>(parents: &[K], owners: &[Option<O>]) -> Self {
        let index: HashMap<&str, usize> = parents
            .iter()
            .enumerate()
            .map(|(row, key)| (key.as_ref(), row))
            .collect();
        let parent_of: Vec<Option<usize>> = owners
            .iter()
            .map(|owner| {
                owner
                    .as_ref()
                    .and_then(|owner| index.get(owner.as_ref()).copied())
            })
            .collect();
        Self::of(parents.len(), &parent_of)
    }

    /// Sorts each parent's children by `compare` (of child row indexes).
    pub fn sort_each(&mut self, mut compare: impl FnMut(usize, usize) -> Ordering) {
        for bounds in self.starts.windows(2) {
            if let [from, to] = *bounds {
                if let Some(group) = self.members.get_mut(from..to) {
                    group.sort_by(|a, b| compare(*a, *b));
                }
            }
        }
    }

    /// The child row indexes of parent row `parent`.
    pub fn get(&self, parent: usize) -> &[usize] {
        match (self.starts.get(parent), self.starts.get(parent + 1)) {
            (Some(&from), Some(&to)) => self.members.get(from..to).unwrap_or_default(),
            _ => &[],
        }
    }

    /// How many parents the groups are for.
    pub fn parents(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }
}

/// A relation's rows for a page of parents, grouped per parent (see [`crate::children`]).
#[derive(Debug, Clone)]
pub struct Children<M> {
    /// `None` once taken.
    rows: Vec<Option<M>>,
    groups: Groups,
}

impl<M> Children<M> {
    /// `rows` grouped under `parents` (their keys, in parent order) by the key `owners`
    /// names for each row; a row naming no parent of the page is left out.
    pub fn new<K: AsRef<str>, O: AsRef<str>>(
        parents: &[K],
        rows: Vec<M>,
        owners: &[Option<O>],
    ) -> Self {
        Self {
            groups: Groups::by_key(parents, owners),
            rows: rows.into_iter().map(Some).collect(),
        }
    }

    /// The same groups, each row mapped by `f`.
    pub fn map<T>(self, mut f: impl FnMut(M) -> T) -> Children<T> {
        Children {
            groups: self.groups,
            rows: self.rows.into_iter().map(|row| row.map(&mut f)).collect(),
        }
    }

    /// No children for any of `parents` parents.
    pub fn none(parents: usize) -> Self {
        Self {
            rows: Vec::new(),
            groups: Groups::of(parents, &[]),
        }
    }

    /// Sorts each parent's children by `compare`, stably (rows keep their read order among
    /// equals).
    pub fn sort_each(&mut self, mut compare: impl FnMut(&M, &M) -> Ordering) {
        let rows = &self.rows;
        self.groups.sort_each(|a, b| {
            match (
                rows.get(a).and_then(Option::as_ref),
                rows.get(b).and_then(Option::as_ref),
            ) {
                (Some(a), Some(b)) => compare(a, b),
                _ => Ordering::Equal,
            }
        });
    }

    /// The children of parent `parent` (its position in the page).
    pub fn of(&self, parent: usize) -> impl Iterator<Item = &M> {
        self.groups
            .get(parent)
            .iter()
            .filter_map(|&row| self.rows.get(row).and_then(Option::as_ref))
    }

    /// Moves out the children of parent `parent` (its position in the page).
    pub fn take(&mut self, parent: usize) -> Vec<M> {
        self.groups
            .get(parent)
            .iter()
            .filter_map(|&row| self.rows.get_mut(row).and_then(Option::take))
            .collect()
    }

    /// Each parent's children, one `Vec` per parent in parent order.
    pub fn into_groups(mut self) -> Vec<Vec<M>> {
        (0..self.groups.parents())
            .map(|parent| self.take(parent))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_keep_row_order_per_parent() {
        let parents = ["a", "b", "c"];
        let owners = [Some("b"), Some("a"), None, Some("b"), Some("z")];
        let children = Children::new(&parents, vec![0, 1, 2, 3, 4], &owners);
        assert_eq!(children.of(1).copied().collect::<Vec<_>>(), [0, 3]);
        assert_eq!(
            children.into_groups(),
            vec![vec![1], vec![0, 3], Vec::<i32>::new()]
        );
    }

    #[test]
    fn sort_each_sorts_within_parents_only() {
        let parents = ["a", "b"];
        let owners = [Some("a"), Some("b"), Some("a"), Some("b")];
        let mut children = Children::new(&parents, vec![4, 3, 2, 1], &owners);
        children.sort_each(|x, y| x.cmp(y));
        assert_eq!(children.into_groups(), vec![vec![2, 4], vec![1, 3]]);
    }
}
