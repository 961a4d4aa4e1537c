//! What a domain crate declares about one resource: the parameters it takes, the columns they
//! touch, and its defaults. Everything is `&'static` so a spec is a `const` next to its handler.

use sea_orm::Order;

/// A column a filter, search or ordering refers to. Identifiers in generated SQL come only from
/// here, never from the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Table (or join alias) that holds the column; `None` means the resource's own table.
    pub table: Option<&'static str>,
    pub name: &'static str,
    /// Compare the column's text form (`CAST(col AS text)`), as Medusa does for
    /// `display_id` in searches.
    pub as_text: bool,
}

impl Column {
    /// A column of the resource's own table.
    pub const fn own(name: &'static str) -> Self {
        Self {
            table: None,
            name,
            as_text: false,
        }
    }

    /// A column of another table or join alias the caller joins in.
    pub const fn of(table: &'static str, name: &'static str) -> Self {
        Self {
            table: Some(table),
            name,
            as_text: false,
        }
    }

    /// The same column compared as text.
    pub const fn text(mut self) -> Self {
        self.as_text = true;
        self
    }
}

/// The type a filter's values are parsed into before they are bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Any string, compared exactly (case-sensitive, as Medusa does).
    Text,
    /// `true` or `false`.
    Bool,
    /// A decimal integer (`i64`).
    Int,
    /// A timestamp: `YYYY-MM-DD`, RFC 3339 (`YYYY-MM-DDTHH:MM:SSZ`, with or without fraction or
    /// offset), `YYYY-MM-DDTHH:MM:SS` (read as UTC), or epoch milliseconds.
    Date,
    /// One of a fixed set of strings stored in a PostgreSQL enum type (`type_name`); on SQLite
    /// the column is plain text.
    Enum {
        type_name: &'static str,
        values: &'static [&'static str],
    },
}

/// Which spellings a filter accepts. Medusa's validators differ per field: `email` takes one
/// string, `id` one or many, `created_at` only operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Forms {
    /// `f=v`, `f[$eq]=v`, `f[$ne]=v`.
    pub value: bool,
    /// `f[]=a&f[]=b`, `f[]=a,b`, `f[0]=a`, repeated `f=a&f=b`, `f[$in]=…`, `f[$nin]=…`.
    pub list: bool,
    /// `f[lt]`, `f[gt]`, `f[lte]`, `f[gte]` and their `$` forms (plus `$eq`/`$ne`).
    pub range: bool,
    /// `f[contains]`, `f[starts_with]`, `f[ends_with]` (case-insensitive, v1) and
    /// `f[$like]`, `f[$ilike]` (v2, the value is a pattern).
    pub pattern: bool,
}

/// One filterable query parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterSpec {
    pub param: &'static str,
    pub column: Column,
    pub kind: FieldKind,
    pub forms: Forms,
    /// Medusa drops this filter when `q` is present (products' `title`/`description`).
    pub ignored_with_q: bool,
}

const NO_FORMS: Forms = Forms {
    value: false,
    list: false,
    range: false,
    pattern: false,
};

impl FilterSpec {
    /// `param=value` equality on the own column of the same name.
    pub const fn value(param: &'static str, kind: FieldKind) -> Self {
        Self {
            param,
            column: Column::own(param),
            kind,
            forms: Forms {
                value: true,
                ..NO_FORMS
            },
            ignored_with_q: false,
        }
    }

    /// Operators only (`created_at[gt]=…`); a bare value is rejected as Medusa's
    /// `DateComparisonOperator` does.
    pub const fn range(param: &'static str, kind: FieldKind) -> Self {
        Self {
            param,
            column: Column::own(param),
            kind,
            forms: Forms {
                range: true,
                ..NO_FORMS
            },
            ignored_with_q: false,
        }
    }

    /// Arrays only (`p[]=a`, `p[]=a,b`, repeated `p=a&p=b`): Medusa's `@IsArray()` parameters.
    pub const fn list_only(param: &'static str, kind: FieldKind) -> Self {
        Self {
            param,
            column: Column::own(param),
            kind,
            forms: Forms {
                list: true,
                ..NO_FORMS
            },
            ignored_with_q: false,
        }
    }

    /// Also accept arrays (`IN`).
    pub const fn list(mut self) -> Self {
        self.forms.list = true;
        self
    }

    /// Also accept comparison operators.
    pub const fn with_range(mut self) -> Self {
        self.forms.range = true;
        self
    }

    /// Also accept pattern operators (text only).
    pub const fn pattern(mut self) -> Self {
        self.forms.pattern = true;
        self
    }

    /// Filter a different column than the parameter's name.
    pub const fn column(mut self, column: Column) -> Self {
        self.column = column;
        self
    }

    /// Mark the filter as dropped when `q` is given.
    pub const fn ignored_with_q(mut self) -> Self {
        self.ignored_with_q = true;
        self
    }
}

/// An expandable relation and the relations reachable through it (`variants` → `prices`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelationSpec {
    pub name: &'static str,
    /// Fields of the related entity that `fields=rel.f` may name; empty means the relation's
    /// fields are not individually selectable (only the whole relation).
    pub fields: &'static [&'static str],
    pub children: &'static [RelationSpec],
}

impl RelationSpec {
    pub const fn new(name: &'static str) -> Self {
        Self {
            name,
            fields: &[],
            children: &[],
        }
    }

    pub const fn fields(mut self, fields: &'static [&'static str]) -> Self {
        self.fields = fields;
        self
    }

    pub const fn children(mut self, children: &'static [RelationSpec]) -> Self {
        self.children = children;
        self
    }
}

/// Pagination defaults of a list endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pagination {
    pub default_limit: u64,
    /// Largest accepted `limit`; `None` accepts any (Medusa has no cap). With a cap, `limit=0`
    /// (Medusa's "no limit") is served as the cap.
    pub max_limit: Option<u64>,
}

impl Pagination {
    /// `limit` defaults to `default_limit` and takes any value (Medusa's lists have no cap).
    pub const fn uncapped(default_limit: u64) -> Self {
        Self {
            default_limit,
            max_limit: None,
        }
    }
}

/// The default order of most of Medusa's lists: newest first.
pub const NEWEST_FIRST: &[(&str, Order)] = &[("created_at", Order::Desc)];

/// Everything the grammar needs to know about one resource's list or retrieve endpoint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ResourceSpec {
    /// Resource name for messages and logs (`users`).
    pub name: &'static str,
    /// The resource's table; own columns are qualified with it.
    pub table: &'static str,
    /// The key column, always selected (`id`; `code` for currencies).
    pub key: &'static str,
    /// `None`: the endpoint takes no `limit`/`offset` and returns every row.
    pub pagination: Option<Pagination>,
    /// Ordering when the request has no `order`; empty means database order.
    pub default_order: &'static [(&'static str, Order)],
    /// Columns `order` may name; empty means `order` is not a parameter of this endpoint.
    pub sortable: &'static [&'static str],
    pub filters: &'static [FilterSpec],
    /// Columns `q` searches; empty means `q` is not a parameter of this endpoint.
    pub searchable: &'static [Column],
    /// Whether `expand` is a parameter of this endpoint.
    pub expandable: bool,
    pub relations: &'static [RelationSpec],
    /// Relation paths loaded when the request has no `expand`.
    pub default_relations: &'static [&'static str],
    /// Fields `fields` may name; empty means `fields` is not a parameter of this endpoint.
    pub selectable: &'static [&'static str],
    /// Fields returned when the request has no `fields`; empty means every field.
    pub default_fields: &'static [&'static str],
    /// Fields a list adds whenever `fields` is given (Medusa adds `created_at`).
    pub list_fields: &'static [&'static str],
    /// Rows with `deleted_at` set are hidden unless a `deleted_at` filter is given.
    pub soft_delete: bool,
    /// Parameters the caller handles itself (joins the grammar cannot express); they are
    /// accepted and left in the [`RawQuery`](crate::RawQuery).
    pub passthrough: &'static [&'static str],
}

impl ResourceSpec {
    /// A spec that accepts nothing but the key; fill in the rest with struct update syntax:
    /// `ResourceSpec { filters: USER_FILTERS, ..ResourceSpec::new("users", "user") }`.
    pub const fn new(name: &'static str, table: &'static str) -> Self {
        Self {
            name,
            table,
            key: "id",
            pagination: None,
            default_order: &[],
            sortable: &[],
            filters: &[],
            searchable: &[],
            expandable: false,
            relations: &[],
            default_relations: &[],
            selectable: &[],
            default_fields: &[],
            list_fields: &[],
            soft_delete: false,
            passthrough: &[],
        }
    }

    pub(crate) fn filter(&self, param: &str) -> Option<&FilterSpec> {
        self.filters.iter().find(|f| f.param == param)
    }

    pub(crate) fn relation(&self, path: &str) -> Option<&RelationSpec> {
        let mut level = self.relations;
        let mut found = None;
        for segment in path.split('.') {
            let relation = level.iter().find(|r| r.name == segment)?;
            level = relation.children;
            found = Some(relation);
        }
        found
    }
}
