//! The loaded tree of a product read: each level's rows as JSON bytes, relations attached as
//! per-parent row indexes (`medusa_load::Groups`), each parent's children in their order; and
//! its writing, trimmed to a selection, in one pass.

use super::*;

// The rows are kept as the JSON of their fields, serialized once each (`RowBytes`); relations
// are attached as row indexes, never by cloning rows; and the keys `Selection::shape` would
// keep are found once per level (`Kept`), so the bytes are what shaping values would give.

/// One level of a loaded tree: its rows' fields, the keys added to every row, and the
/// relations attached below it.
pub(crate) struct Level {
    pub(crate) rows: RowBytes,
    pub(crate) count: usize,
    pub(crate) extras: Vec<(&'static str, Extra)>,
    pub(crate) relations: Vec<(&'static str, Attached)>,
    /// The JSON of each row's link owner, when the rows were read joined with their links.
    pub(crate) owners: Vec<Vec<u8>>,
}

/// A key added to each row of a level, as Medusa's decorations add it.
pub(crate) enum Extra {
    Null,
    /// The row's link owner.
    LinkOwner,
}

/// A relation's rows, loaded and not yet attached to their parents.
pub(crate) enum Related {
    /// Rows naming their parent's `id` in their field `owner`, or in the link owner they were
    /// read with ([`LINK_OWNER`]), each parent's in `ChildOrder`. Shared when two relations
    /// show the same rows.
    Many(Arc<Level>, &'static str, ChildOrder),
    /// Rows each parent names by the `id` in its field `foreign_key`.
    One(Level, &'static str),
    /// A relation no row has.
    Empty,
}

/// The order of each parent's children. Sorted here, per parent, rather than by the database:
/// a page's groups are a handful of rows each, while sorting a whole level cost PostgreSQL a
/// copy of every row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChildOrder {
    /// By id, byte by byte (PostgreSQL's `COLLATE "C"`, SQLite's default).
    Id,
    /// By `variant_rank` (nulls last, as PostgreSQL sorts them ascending), then by id.
    RankThenId,
}

impl ChildOrder {
    /// Sorts each group of `groups`, whose members are rows of `level`.
    pub(crate) fn sort(self, level: &Level, groups: &mut Groups) {
        let ids: Vec<&[u8]> = level.column("id").map(Option::unwrap_or_default).collect();
        let ranks: Vec<Option<i64>> = match self {
            ChildOrder::Id => Vec::new(),
            ChildOrder::RankThenId => level
                .column("variant_rank")
                .map(|rank| rank.and_then(|json| serde_json::from_slice(json).ok()))
                .collect(),
        };
        let id = |row: usize| ids.get(row).copied().unwrap_or_default();
        let rank = |row: usize| ranks.get(row).copied().flatten();
        groups.sort_each(|a, b| {
            let by_rank = match (rank(a), rank(b)) {
                (Some(a), Some(b)) => a.cmp(&b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
            by_rank.then_with(|| json_text_cmp(id(a), id(b)))
        });
    }
}

/// Two JSON strings in the byte order of the text they hold.
pub(crate) fn json_text_cmp(a: &[u8], b: &[u8]) -> Ordering {
    pub(crate) fn inner(json: &[u8]) -> &[u8] {
        json.strip_prefix(b"\"")
            .and_then(|rest| rest.strip_suffix(b"\""))
            .unwrap_or(json)
    }
    let (a, b) = (inner(a), inner(b));
    if !a.contains(&b'\\') && !b.contains(&b'\\') {
        return a.cmp(b);
    }
    // An escape: compare the text it stands for.
    let text = |json: &[u8]| {
        let mut quoted = Vec::with_capacity(json.len() + 2);
        quoted.push(b'"');
        quoted.extend_from_slice(json);
        quoted.push(b'"');
        serde_json::from_slice::<String>(&quoted).unwrap_or_default()
    };
    text(a).as_bytes().cmp(text(b).as_bytes())
}

/// A relation's rows, each parent's found once when attached (not per written row).
pub(crate) enum Attached {
    /// The children of each parent row.
    Many { level: Arc<Level>, groups: Groups },
    /// The row each parent row names, if any.
    One {
        level: Level,
        targets: Vec<Option<usize>>,
    },
    /// A relation no row has: an empty array on every parent.
    Empty,
}

impl Attached {
    pub(crate) fn level(&self) -> Option<&Level> {
        match self {
            Attached::Many { level, .. } => Some(level),
            Attached::One { level, .. } => Some(level),
            Attached::Empty => None,
        }
    }
}

impl Level {
    pub(crate) fn fetched(fetched: Fetched) -> Self {
        Self {
            rows: fetched.rows,
            count: fetched.count,
            extras: Vec::new(),
            relations: Vec::new(),
            owners: fetched.owners,
        }
    }

    /// The JSON of row `row`'s field `key` for every row, or of its link owner.
    pub(crate) fn column<'a>(&'a self, key: &str) -> impl Iterator<Item = Option<&'a [u8]>> + 'a {
        let position = self.rows.position(key);
        let owners = key == LINK_OWNER;
        let key = key.to_owned();
        (0..self.count).map(move |row| {
            if owners {
                self.owners.get(row).map(Vec::as_slice)
            } else {
                self.rows.field_near(row, position, &key)
            }
        })
    }

    /// Row indexes by the JSON of their `key` (a string: `null`s are left out).
    pub(crate) fn rows_by(&self, key: &str) -> HashMap<&[u8], usize> {
        self.column(key)
            .enumerate()
            .filter_map(|(row, value)| value.filter(|v| v.first() == Some(&b'"')).map(|v| (v, row)))
            .collect()
    }

    /// Attaches a loaded relation under `name`, finding each row's related rows now.
    pub(crate) fn attach(&mut self, name: &'static str, related: Related) {
        let attached = match related {
            Related::Many(level, owner, order) => {
                let parents = self.rows_by("id");
                let parent_of: Vec<Option<usize>> = level
                    .column(owner)
                    .map(|owner| owner.and_then(|owner| parents.get(owner).copied()))
                    .collect();
                let mut groups = Groups::of(self.count, &parent_of);
                order.sort(&level, &mut groups);
                Attached::Many { level, groups }
            }
            Related::One(level, foreign_key) => {
                let by_id = level.rows_by("id");
                let targets = self
                    .column(foreign_key)
                    .map(|key| key.and_then(|key| by_id.get(key).copied()))
                    .collect();
                Attached::One { level, targets }
            }
            Related::Empty => Attached::Empty,
        };
        self.relations.push((name, attached));
    }

    /// The text values of one field over the rows, in row order (`null`s left out).
    pub(crate) fn strings(&self, key: &str) -> Vec<String> {
        let position = self.rows.position(key);
        (0..self.count)
            .filter_map(|row| self.rows.field_near(row, position, key))
            .filter_map(|json| {
                serde_json::from_slice::<Option<String>>(json)
                    .ok()
                    .flatten()
            })
            .collect()
    }

    pub(crate) fn probe(&self) -> Probe {
        let mut keys = self.rows.keys();
        keys.extend(self.extras.iter().map(|(key, _)| *key));
        Probe {
            keys,
            children: self
                .relations
                .iter()
                .map(|(name, attached)| {
                    let probe = attached.level().map(Level::probe).unwrap_or_default();
                    (*name, probe)
                })
                .collect(),
        }
    }

    /// How this level's rows are written under `kept`; `more` are keys whose values each
    /// row's caller supplies, set last (they win over a field of the same name).
    pub(crate) fn plan(&self, kept: &Kept, more: &[&'static str]) -> Plan {
        let keys = self.rows.keys();
        let mut candidates: Vec<(&str, Source)> = Vec::with_capacity(keys.len() + 16);
        for (position, key) in keys.iter().enumerate() {
            if kept.keeps(key) {
                candidates.push((key, Source::Field(position, key)));
            }
        }
        for (index, (key, _)) in self.extras.iter().enumerate() {
            if kept.keeps(key) {
                candidates.push((key, Source::Extra(index)));
            }
        }
        let mut children = Vec::with_capacity(self.relations.len());
        for (index, (name, attached)) in self.relations.iter().enumerate() {
            let child = if kept.keeps(name) {
                candidates.push((name, Source::Relation(index)));
                attached
                    .level()
                    .map(|level| level.plan(kept.child(name), &[]))
            } else {
                None
            };
            children.push(child);
        }
        for (index, key) in more.iter().enumerate() {
            candidates.push((key, Source::More(index)));
        }
        // Keys in byte order, as a `serde_json::Map` orders them; the last of equal keys
        // wins, as a map insert does.
        candidates.sort_by(|a, b| a.0.cmp(b.0));
        let mut entries: Vec<(Vec<u8>, Source)> = Vec::with_capacity(candidates.len());
        for (index, (key, source)) in candidates.iter().enumerate() {
            if candidates.get(index + 1).is_some_and(|next| next.0 == *key) {
                continue;
            }
            let mut prefix = Vec::with_capacity(key.len() + 3);
            write_key(&mut prefix, key);
            prefix.push(b':');
            entries.push((prefix, *source));
        }
        Plan { entries, children }
    }

    /// Writes row `row` as `plan` says; `more` holds the JSON of the plan's `more` keys.
    pub(crate) fn write_row(&self, plan: &Plan, out: &mut Vec<u8>, row: usize, more: &[&[u8]]) {
        out.push(b'{');
        let mut first = true;
        for (prefix, source) in &plan.entries {
            let value: Option<&[u8]> = match *source {
                Source::Field(position, key) => {
                    let Some(bytes) = self.rows.field_at(row, position, key) else {
                        continue;
                    };
                    Some(bytes)
                }
                Source::Extra(index) => Some(match self.extras.get(index) {
                    Some((_, Extra::LinkOwner)) => {
                        self.owners.get(row).map_or(&b"null"[..], Vec::as_slice)
                    }
                    Some((_, Extra::Null)) | None => b"null",
                }),
                Source::Relation(_) => None,
                Source::More(index) => Some(more.get(index).copied().unwrap_or(b"null")),
            };
            if !first {
                out.push(b',');
            }
            first = false;
            out.extend_from_slice(prefix);
            match (value, source) {
                (Some(bytes), _) => out.extend_from_slice(bytes),
                (None, Source::Relation(index)) => self.write_relation(plan, out, row, *index),
                (None, _) => out.extend_from_slice(b"null"),
            }
        }
        out.push(b'}');
    }

    /// Writes the rows row `row` has in relation `index`.
    pub(crate) fn write_relation(&self, plan: &Plan, out: &mut Vec<u8>, row: usize, index: usize) {
        let attached = self.relations.get(index).map(|(_, attached)| attached);
        let child = plan.children.get(index).and_then(Option::as_ref);
        match (attached, child) {
            (Some(Attached::Many { level, groups }), Some(child)) => {
                write_array(out, groups.get(row), |out, &target| {
                    level.write_row(child, out, target, &[]);
                });
            }
            (Some(Attached::One { level, targets }), Some(child)) => {
                match targets.get(row).copied().flatten() {
                    Some(target) => level.write_row(child, out, target, &[]),
                    None => out.extend_from_slice(b"null"),
                }
            }
            (Some(Attached::One { .. }), None) => out.extend_from_slice(b"null"),
            _ => out.extend_from_slice(b"[]"),
        }
    }
}

/// Where one key of a written row comes from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Source {
    /// The row's field at this position of its level's keys.
    Field(usize, &'static str),
    /// The level's extra at this index.
    Extra(usize),
    /// The level's relation at this index.
    Relation(usize),
    /// The caller's value at this index.
    More(usize),
}

/// How the rows of one level are written under a selection: the kept keys in output order,
/// each pre-escaped with its source, worked out once per level instead of once per row.
pub(crate) struct Plan {
    pub(crate) entries: Vec<(Vec<u8>, Source)>,
    /// The plans of the level's relations, by relation index (`None`: not written).
    pub(crate) children: Vec<Option<Plan>>,
}

/// Writes each product trimmed to `selection`, with Medusa's `profile` and `profile_id`
/// (derived whenever `profiles` is loaded, whatever `fields` says).
pub(crate) fn write_products(out: &mut Vec<u8>, level: &Level, selection: &Selection) {
    let kept = Kept::by_shaping(&level.probe(), selection);
    let profiles = level
        .relations
        .iter()
        .position(|(name, _)| *name == "profiles")
        .filter(|_| kept.keeps("profiles"));
    let more: &[&'static str] = if profiles.is_some() {
        &["profile", "profile_id"]
    } else {
        &[]
    };
    let plan = level.plan(&kept, more);
    let profile_keeps_id = kept.child("profiles").keeps("id");
    let mut profile = Vec::new();
    let rows: Vec<usize> = (0..level.count).collect();
    write_array(out, &rows, |out, &row| {
        let Some(index) = profiles else {
            level.write_row(&plan, out, row, &[]);
            return;
        };
        // Medusa's `profile` is the last of the (trimmed) `profiles`.
        let last = match (
            level.relations.get(index).map(|(_, attached)| attached),
            plan.children.get(index).and_then(Option::as_ref),
        ) {
            (
                Some(Attached::Many {
                    level: targets,
                    groups,
                }),
                Some(child),
            ) => groups
                .get(row)
                .last()
                .map(|&target| (targets, child, target)),
            _ => None,
        };
        match last {
            Some((targets, child, target)) => {
                profile.clear();
                targets.write_row(child, &mut profile, target, &[]);
                let id = targets
                    .rows
                    .field(target, "id")
                    .filter(|_| profile_keeps_id)
                    .unwrap_or(b"null");
                level.write_row(&plan, out, row, &[&profile, id]);
            }
            None => level.write_row(&plan, out, row, &[b"null", b"null"]),
        }
    });
}
