//! From a spec and a parsed query to what a list or retrieve handler executes.

use sea_orm::sea_query::{Alias, Condition, Expr};
use sea_orm::{
    ConnectionTrait, DbBackend, DbErr, EntityTrait, Order, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use medusa_core::ListPage;

use crate::error::QueryError;
use crate::filter::{column_expr, escape_like, filter_condition, like, list_items};
use crate::raw::{RawQuery, RawValue};
use crate::selection::{select, Selection};
use crate::spec::ResourceSpec;
use crate::value::parse_count;

/// Everything a list handler needs: the WHERE condition, ordering, pagination and selection.
///
/// The condition is built for the backend given to [`plan`] (`ILIKE` exists only on
/// PostgreSQL), so a plan must run on a connection of that backend.
#[derive(Debug, Clone)]
pub struct ListPlan {
    /// The resource's table; ordering columns are qualified with it.
    pub table: &'static str,
    /// Filters, search and the soft-delete guard, ANDed.
    pub condition: Condition,
    /// Own-table columns to order by, in order.
    pub order: Vec<(&'static str, Order)>,
    /// `None`: no LIMIT (Medusa's `limit=0`).
    pub limit: Option<u64>,
    pub offset: u64,
    /// The `limit` echoed in the response envelope: the requested value, else the default.
    pub limit_echo: u64,
    pub selection: Selection,
    /// A `deleted_at` filter was given, so soft-deleted rows are included (Medusa's
    /// `withDeleted`), in joined relations too.
    pub with_deleted: bool,
    /// The `q` text when given and not empty; already applied to the spec's searchable columns.
    pub search: Option<String>,
}

impl ListPlan {
    /// Filters, orders and paginates a query (a `Select<E>` or anything that can be filtered,
    /// ordered and limited).
    pub fn apply<Q>(&self, query: Q) -> Q
    where
        Q: QueryFilter + QueryOrder + QuerySelect,
    {
        let mut query = self.apply_count(query);
        for (column, order) in &self.order {
            query = query.order_by(
                Expr::col((Alias::new(self.table), Alias::new(*column))),
                order.clone(),
            );
        }
        query
            .offset((self.offset > 0).then_some(self.offset))
            .limit(self.limit)
    }

    /// The list envelope for one page: `items` under `key`, `count` matches in all, and the
    /// offset and limit this plan echoes.
    pub fn page<T>(&self, key: &'static str, items: Vec<T>, count: u64) -> ListPage<T> {
        ListPage {
            key,
            items,
            count,
            offset: self.offset,
            limit: self.limit_echo,
        }
    }

    /// Only the filters: the query whose row count is the envelope's `count`.
    pub fn apply_count<Q: QueryFilter>(&self, query: Q) -> Q {
        if self.condition.is_empty() {
            query
        } else {
            query.filter(self.condition.clone())
        }
    }

    /// Runs `query` under this plan: the filtered row count, then the ordered page of rows.
    pub async fn rows_and_count<E, C>(
        &self,
        conn: &C,
        query: Select<E>,
    ) -> Result<(Vec<E::Model>, u64), DbErr>
    where
        E: EntityTrait,
        E::Model: Sync,
        C: ConnectionTrait,
    {
        let count = self.apply_count(query.clone()).count(conn).await?;
        let rows = self.apply(query).all(conn).await?;
        Ok((rows, count))
    }

    /// [`rows_and_count`](Self::rows_and_count) in the list envelope under `key`.
    pub async fn fetch_page<E, C>(
        &self,
        conn: &C,
        key: &'static str,
        query: Select<E>,
    ) -> Result<ListPage<E::Model>, DbErr>
    where
        E: EntityTrait,
        E::Model: Sync,
        C: ConnectionTrait,
    {
        let (rows, count) = self.rows_and_count(conn, query).await?;
        Ok(self.page(key, rows, count))
    }
}

/// Plans a list request: validates every parameter against the spec (all problems reported
/// together) and builds the condition for `backend`.
pub fn plan(
    spec: &ResourceSpec,
    query: &RawQuery,
    backend: DbBackend,
) -> Result<ListPlan, QueryError> {
    let mut errors = Vec::new();
    let mut condition = Condition::all();
    let mut limit_param = None;
    let mut offset = 0;
    let mut order = None;
    let mut search = None;
    let mut with_deleted = false;

    let q_given = query.text("q").is_some_and(|q| !q.is_empty()) && !spec.searchable.is_empty();

    for (name, value) in query.params() {
        match name {
            // An empty `limit=` or `offset=` means the default (Medusa reads it as 0).
            "limit" | "offset" if spec.pagination.is_some() && value.as_text() == Some("") => {}
            "limit" | "offset" if spec.pagination.is_some() => {
                match value.as_text().map(|t| parse_count(name, t)) {
                    Some(Ok(n)) if name == "limit" => limit_param = Some(n),
                    Some(Ok(n)) => offset = n,
                    Some(Err(e)) => errors.push(e),
                    None => errors.push(QueryError::NotANumber(name.to_owned())),
                }
            }
            "order" if !spec.sortable.is_empty() => match value.as_text() {
                Some(text) => match parse_order(spec, text) {
                    Ok(parsed) => order = parsed,
                    Err(e) => errors.push(e),
                },
                None => errors.push(QueryError::NotAString(name.to_owned())),
            },
            "q" if !spec.searchable.is_empty() => match value.as_text() {
                Some("") => {}
                Some(text) => search = Some(text.to_owned()),
                None => errors.push(QueryError::NotAString(name.to_owned())),
            },
            "fields" if !spec.selectable.is_empty() => {}
            "expand" if spec.expandable => {}
            _ => {
                if let Some(filter) = spec.filter(name) {
                    if filter.column.name == "deleted_at" {
                        with_deleted = true;
                    }
                    if filter.ignored_with_q && q_given {
                        continue;
                    }
                    match filter_condition(filter, value, spec.table, backend) {
                        Ok(c) => condition = condition.add(c),
                        Err(mut e) => errors.append(&mut e),
                    }
                } else if !spec.passthrough.contains(&name) {
                    errors.push(QueryError::UnknownParameter(name.to_owned()));
                }
            }
        }
    }

    let selection = select(
        spec,
        query.get("fields").filter(|_| !spec.selectable.is_empty()),
        query.get("expand").filter(|_| spec.expandable),
        true,
        &mut errors,
    );

    let (limit, limit_echo) = match spec.pagination {
        None => (None, 0),
        Some(pagination) => {
            let requested = limit_param.unwrap_or(pagination.default_limit);
            match pagination.max_limit {
                Some(max) if requested > max => {
                    errors.push(QueryError::TooLarge {
                        param: "limit".into(),
                        max,
                    });
                    (None, requested)
                }
                Some(max) if requested == 0 => (Some(max), 0),
                _ => ((requested > 0).then_some(requested), requested),
            }
        }
    };

    QueryError::from_all(errors)?;

    if let Some(text) = &search {
        let pattern = format!("%{}%", escape_like(text));
        let any = spec
            .searchable
            .iter()
            .fold(Condition::any(), |any, column| {
                any.add(like(
                    column_expr(column, spec.table),
                    pattern.clone(),
                    true,
                    true,
                    backend,
                ))
            });
        condition = condition.add(any);
    }
    if spec.soft_delete && !with_deleted {
        condition =
            condition.add(Expr::col((Alias::new(spec.table), Alias::new("deleted_at"))).is_null());
    }

    let mut order = order.unwrap_or_else(|| spec.default_order.to_vec());
    // A unique last key makes pages stable when the ordering column has ties.
    if let Some((_, last)) = order.last() {
        if !order.iter().any(|(c, _)| *c == spec.key) {
            let direction = last.clone();
            order.push((spec.key, direction));
        }
    }

    Ok(ListPlan {
        table: spec.table,
        condition,
        order,
        limit,
        offset,
        limit_echo,
        selection,
        with_deleted,
        search,
    })
}

/// Plans a retrieve request (`GET /resource/:id`): only `fields` and `expand` (and the spec's
/// pass-through parameters) are accepted.
pub fn plan_retrieve(spec: &ResourceSpec, query: &RawQuery) -> Result<Selection, QueryError> {
    let mut errors = Vec::new();
    for (name, _) in query.params() {
        let known = (name == "fields" && !spec.selectable.is_empty())
            || (name == "expand" && spec.expandable)
            || spec.passthrough.contains(&name);
        if !known {
            errors.push(QueryError::UnknownParameter(name.to_owned()));
        }
    }
    let selection = select(
        spec,
        query.get("fields").filter(|_| !spec.selectable.is_empty()),
        query.get("expand").filter(|_| spec.expandable),
        false,
        &mut errors,
    );
    QueryError::from_all(errors)?;
    Ok(selection)
}

/// `order=field`, `order=-field`, or a comma list of them; empty means the default.
fn parse_order(
    spec: &ResourceSpec,
    text: &str,
) -> Result<Option<Vec<(&'static str, Order)>>, QueryError> {
    let mut order = Vec::new();
    // An unencoded `+` arrives as a space, so `order=+title` reads as ` title`.
    for term in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let (field, direction) = match term.strip_prefix('-') {
            Some(field) => (field, Order::Desc),
            None => (term.strip_prefix('+').unwrap_or(term), Order::Asc),
        };
        match spec.sortable.iter().find(|s| **s == field) {
            Some(column) => order.push((*column, direction)),
            None => return Err(QueryError::InvalidOrder(field.to_owned())),
        }
    }
    Ok((!order.is_empty()).then_some(order))
}

/// Reads a pass-through parameter as one string (`None` when absent).
pub fn passthrough_text<'q>(
    query: &'q RawQuery,
    name: &str,
) -> Result<Option<&'q str>, QueryError> {
    match query.get(name) {
        None => Ok(None),
        Some(RawValue::Text(text)) => Ok(Some(text)),
        Some(_) => Err(QueryError::NotAString(name.to_owned())),
    }
}

/// Reads a pass-through parameter as a list of strings, with the same spellings as list filters
/// (`f[]=a&f[]=b`, `f[]=a,b`, `f[0]=a`, `f=a`); `None` when absent.
pub fn passthrough_list<'q>(
    query: &'q RawQuery,
    name: &str,
) -> Result<Option<Vec<&'q str>>, QueryError> {
    query
        .get(name)
        .map(|value| list_items(name, value))
        .transpose()
}
