//! `fields` and `expand`: which fields of the resource and which relations (with which of
//! their fields) a response carries, and the JSON trimming that enforces it.

use serde_json::{Map, Value};

use crate::error::QueryError;
use crate::raw::RawValue;
use crate::spec::{RelationSpec, ResourceSpec};

/// Which fields of one object are returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldSet {
    /// Every field the entity serializes.
    All,
    /// Only these.
    Only(Vec<String>),
    /// Every field but these.
    AllExcept(Vec<String>),
}

impl FieldSet {
    pub fn contains(&self, field: &str) -> bool {
        match self {
            FieldSet::All => true,
            FieldSet::Only(fields) => fields.iter().any(|f| f == field),
            FieldSet::AllExcept(fields) => !fields.iter().any(|f| f == field),
        }
    }
}

/// A relation to load and return, with the relations loaded through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationNode {
    pub name: &'static str,
    /// Dotted path from the resource (`variants.prices`).
    pub path: String,
    pub fields: FieldSet,
    pub children: Vec<RelationNode>,
    known: &'static [RelationSpec],
}

/// What a response carries: the resource's fields and the relation tree to load.
///
/// Loading plan: load each level of [`Selection::levels`] with one select-in query per
/// relation for the whole page (`WHERE parent_id IN (…page ids…)`), never one per row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub fields: FieldSet,
    pub relations: Vec<RelationNode>,
    known: &'static [RelationSpec],
}

impl Selection {
    /// Whether a field of the resource is returned.
    pub fn has_field(&self, field: &str) -> bool {
        self.fields.contains(field)
    }

    /// The relation node at a dotted path, when it is loaded.
    pub fn relation(&self, path: &str) -> Option<&RelationNode> {
        let mut level = &self.relations;
        let mut found = None;
        for segment in path.split('.') {
            let node = level.iter().find(|n| n.name == segment)?;
            level = &node.children;
            found = Some(node);
        }
        found
    }

    /// Loads the resource's relation `name` with all its fields, unless it is already loaded
    /// (or the resource has no such relation): for routes that return a relation whatever
    /// `expand` says, as Medusa's variant search returns the `product` it joins.
    pub fn load(&mut self, name: &str) {
        if self.relations.iter().any(|node| node.name == name) {
            return;
        }
        if let Some(relation) = self.known.iter().find(|r| r.name == name) {
            self.relations.push(RelationNode {
                name: relation.name,
                path: relation.name.to_owned(),
                fields: FieldSet::All,
                children: Vec::new(),
                known: relation.children,
            });
        }
    }

    /// Whether the relation at a dotted path is loaded.
    pub fn has_relation(&self, path: &str) -> bool {
        self.relation(path).is_some()
    }

    /// Every loaded relation path, parents before children.
    pub fn relation_paths(&self) -> Vec<&str> {
        self.levels()
            .into_iter()
            .flatten()
            .map(|n| n.path.as_str())
            .collect()
    }

    /// Loaded relations grouped by depth: level 0 hangs off the resource, level 1 off level 0,
    /// and so on. Loading level by level is one query per relation, whatever the page size.
    pub fn levels(&self) -> Vec<Vec<&RelationNode>> {
        let mut levels = Vec::new();
        let mut current: Vec<&RelationNode> = self.relations.iter().collect();
        while !current.is_empty() {
            let next = current.iter().flat_map(|n| n.children.iter()).collect();
            levels.push(current);
            current = next;
        }
        levels
    }

    /// Trims a serialized row (or array of rows) to the selection: unselected fields and
    /// relations that were not loaded are removed, recursively through loaded relations.
    pub fn shape(&self, value: &mut Value) {
        shape_value(&self.fields, &self.relations, self.known, value);
    }
}

fn shape_value(
    fields: &FieldSet,
    loaded: &[RelationNode],
    known: &[RelationSpec],
    value: &mut Value,
) {
    match value {
        Value::Array(items) => {
            for item in items {
                shape_value(fields, loaded, known, item);
            }
        }
        Value::Object(map) => shape_object(fields, loaded, known, map),
        _ => {}
    }
}

fn shape_object(
    fields: &FieldSet,
    loaded: &[RelationNode],
    known: &[RelationSpec],
    map: &mut Map<String, Value>,
) {
    map.retain(|key, _| {
        if loaded.iter().any(|n| n.name == key) {
            return true;
        }
        !known.iter().any(|r| r.name == key) && fields.contains(key)
    });
    for node in loaded {
        if let Some(child) = map.get_mut(node.name) {
            shape_value(&node.fields, &node.children, node.known, child);
        }
    }
}

/// The comma-separated entries of `fields` or `expand`, from a string or an array of strings.
fn entries(param: &str, value: &RawValue) -> Result<Vec<String>, QueryError> {
    let texts: Vec<&str> = match value {
        RawValue::Text(text) => vec![text],
        RawValue::List(items) => items
            .iter()
            .map(|item| {
                item.as_text()
                    .ok_or_else(|| QueryError::NotAString(param.to_owned()))
            })
            .collect::<Result<_, _>>()?,
        RawValue::Map(_) => return Err(QueryError::NotAString(param.to_owned())),
    };
    Ok(texts
        .iter()
        .flat_map(|t| t.split(','))
        .filter(|e| !e.is_empty())
        .map(str::to_owned)
        .collect())
}

/// A `fields` entry: its prefix and its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prefix {
    None,
    Add,
    Remove,
    Star,
}

fn split_prefix(entry: &str) -> (Prefix, &str) {
    // An unencoded `+` arrives as a space; read it as the `+` the client meant.
    if let Some(rest) = entry.strip_prefix(['+', ' ']) {
        (Prefix::Add, rest.trim_start())
    } else if let Some(rest) = entry.strip_prefix('-') {
        (Prefix::Remove, rest)
    } else if let Some(rest) = entry.strip_prefix('*') {
        (Prefix::Star, rest)
    } else {
        (Prefix::None, entry)
    }
}

/// Per-relation requests gathered from `fields`.
#[derive(Default)]
struct RelationRequest {
    path: String,
    star: bool,
    only: Vec<String>,
    except: Vec<String>,
    removed: bool,
}

/// What `fields` asked for, before the defaults are applied.
#[derive(Default)]
struct FieldsRequest {
    /// Replace the defaults (some entry had no prefix, or the list was empty).
    replace: bool,
    add: Vec<String>,
    remove: Vec<String>,
    relations: Vec<RelationRequest>,
}

impl FieldsRequest {
    fn read(spec: &ResourceSpec, entries: &[String], invalid: &mut Vec<String>) -> Self {
        let replace =
            entries.is_empty() || entries.iter().any(|e| split_prefix(e).0 == Prefix::None);
        let mut request = FieldsRequest {
            replace,
            ..Default::default()
        };
        for entry in entries {
            let (prefix, path) = split_prefix(entry);
            // Inside a replacing list Medusa drops the prefixes: `-f` selects `f` too.
            let removing = prefix == Prefix::Remove && !replace;
            let names_relation = spec.relation(path).is_some();
            if prefix == Prefix::Star || (path.contains('.') && names_relation) {
                if !names_relation {
                    invalid.push(path.to_owned());
                } else if removing {
                    request.relation(path).removed = true;
                } else {
                    request.relation(path).star = true;
                }
            } else if let Some((rel, field)) = path.rsplit_once('.') {
                match spec.relation(rel) {
                    Some(relation) if relation.fields.contains(&field) => {
                        let relation = request.relation(rel);
                        if removing {
                            relation.except.push(field.to_owned());
                        } else {
                            relation.only.push(field.to_owned());
                        }
                    }
                    _ => invalid.push(path.to_owned()),
                }
            } else if spec.selectable.contains(&path) {
                if removing {
                    request.remove.push(path.to_owned());
                } else {
                    request.add.push(path.to_owned());
                }
            } else if removing && names_relation {
                request.relation(path).removed = true;
            } else if replace && names_relation {
                // A bare relation name in a v1 list: Medusa passes it to its select, where it
                // selects no column; which relations load is left to `expand` and the defaults.
            } else {
                invalid.push(path.to_owned());
            }
        }
        request
    }

    fn relation(&mut self, path: &str) -> &mut RelationRequest {
        let index = match self.relations.iter().position(|r| r.path == path) {
            Some(index) => index,
            None => {
                self.relations.push(RelationRequest {
                    path: path.to_owned(),
                    ..Default::default()
                });
                self.relations.len() - 1
            }
        };
        &mut self.relations[index]
    }
}

/// Builds the selection from `fields` and `expand` (either may be absent).
pub(crate) fn select(
    spec: &ResourceSpec,
    fields: Option<&RawValue>,
    expand: Option<&RawValue>,
    is_list: bool,
    errors: &mut Vec<QueryError>,
) -> Selection {
    let mut invalid: Vec<String> = Vec::new();

    let expanded: Option<Vec<String>> = match expand.map(|v| entries("expand", v)) {
        Some(Ok(paths)) => {
            invalid.extend(paths.iter().filter(|p| spec.relation(p).is_none()).cloned());
            Some(paths)
        }
        Some(Err(e)) => {
            errors.push(e);
            None
        }
        None => None,
    };

    let mut root = match spec.default_fields {
        [] => FieldSet::All,
        defaults => FieldSet::Only(defaults.iter().map(|f| (*f).to_owned()).collect()),
    };
    let mut request = FieldsRequest::default();
    match fields.map(|v| entries("fields", v)) {
        Some(Ok(list)) => {
            request = FieldsRequest::read(spec, &list, &mut invalid);
            root = if request.replace {
                FieldSet::Only(std::mem::take(&mut request.add))
            } else {
                add_and_remove(root, spec, &request.add, &request.remove)
            };
            let mut always: Vec<&str> = vec![spec.key];
            if is_list {
                always.extend(spec.list_fields);
            }
            root = include(root, &always);
        }
        Some(Err(e)) => errors.push(e),
        None => {}
    }
    let replace = request.replace;
    let requests = request.relations;

    if !invalid.is_empty() {
        errors.push(QueryError::InvalidFields(invalid));
    }

    // Relations: `expand` replaces everything; otherwise the defaults plus what `fields` asked for.
    let mut paths: Vec<String> = match &expanded {
        Some(paths) => paths
            .iter()
            .filter(|p| spec.relation(p).is_some())
            .cloned()
            .collect(),
        None => {
            let mut paths: Vec<String> = spec
                .default_relations
                .iter()
                .map(|p| (*p).to_owned())
                .collect();
            for request in &requests {
                if (request.star || !request.only.is_empty()) && !paths.contains(&request.path) {
                    paths.push(request.path.clone());
                }
            }
            paths.retain(|p| {
                !requests
                    .iter()
                    .any(|r| r.removed && (*p == r.path || p.starts_with(&format!("{}.", r.path))))
            });
            paths
        }
    };
    let mut seen = Vec::new();
    paths.retain(|p| {
        !seen.contains(p) && {
            seen.push(p.clone());
            true
        }
    });

    let field_set_of = |path: &str| -> FieldSet {
        let Some(request) = requests.iter().find(|r| r.path == path) else {
            return FieldSet::All;
        };
        let by_default = spec.default_relations.contains(&path) && expanded.is_none();
        if !request.star && !request.only.is_empty() && (replace || !by_default) {
            let mut only = request.only.clone();
            if let Some(relation) = spec.relation(path) {
                if relation.fields.contains(&"id") && !only.iter().any(|f| f == "id") {
                    only.insert(0, "id".to_owned());
                }
            }
            FieldSet::Only(only)
        } else if request.except.is_empty() {
            FieldSet::All
        } else {
            FieldSet::AllExcept(request.except.clone())
        }
    };

    Selection {
        fields: root,
        relations: build_tree(spec.relations, "", &paths, &field_set_of),
        known: spec.relations,
    }
}

/// The defaults adjusted by `+f` and `-f` entries.
fn add_and_remove(
    base: FieldSet,
    spec: &ResourceSpec,
    add: &[String],
    remove: &[String],
) -> FieldSet {
    let mut fields: Vec<String> = match base {
        FieldSet::Only(fields) => fields,
        _ if remove.is_empty() => return FieldSet::All,
        _ => spec.selectable.iter().map(|f| (*f).to_owned()).collect(),
    };
    for field in add {
        if !fields.contains(field) {
            fields.push(field.clone());
        }
    }
    fields.retain(|f| !remove.contains(f));
    FieldSet::Only(fields)
}

fn include(set: FieldSet, always: &[&str]) -> FieldSet {
    match set {
        FieldSet::All => FieldSet::All,
        FieldSet::Only(mut fields) => {
            for f in always {
                if !fields.iter().any(|x| x == f) {
                    fields.push((*f).to_owned());
                }
            }
            FieldSet::Only(fields)
        }
        FieldSet::AllExcept(mut fields) => {
            fields.retain(|f| !always.contains(&f.as_str()));
            FieldSet::AllExcept(fields)
        }
    }
}

/// The relation tree for a set of loaded paths; a path implies its ancestors.
fn build_tree(
    level: &'static [RelationSpec],
    prefix: &str,
    paths: &[String],
    field_set_of: &dyn Fn(&str) -> FieldSet,
) -> Vec<RelationNode> {
    let mut nodes: Vec<RelationNode> = Vec::new();
    for path in paths {
        let Some(rest) = (if prefix.is_empty() {
            Some(path.as_str())
        } else {
            path.strip_prefix(prefix)
        }) else {
            continue;
        };
        let name = rest.split('.').next().unwrap_or(rest);
        if nodes.iter().any(|n| n.name == name) {
            continue;
        }
        let Some(relation) = level.iter().find(|r| r.name == name) else {
            continue;
        };
        let node_path = format!("{prefix}{name}");
        let children = build_tree(
            relation.children,
            &format!("{node_path}."),
            paths,
            field_set_of,
        );
        nodes.push(RelationNode {
            name: relation.name,
            fields: field_set_of(&node_path),
            path: node_path,
            children,
            known: relation.children,
        });
    }
    nodes
}
