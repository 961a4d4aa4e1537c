//! What both exports share: the window of rows they read from `context.list_config`, and the
//! page loop (a header, then each page's lines, with progress reported after every page).

use std::future::Future;
use std::io::Write;

use medusa_core::{Error, Result};
use serde_json::{Map, Value};

/// `context.list_config` as the strategy's `prepare_context` wrote it, and the rows it
/// skips and takes per page (`take` at least 1, `default_take` when absent).
pub(crate) fn list_window(
    context: &Map<String, Value>,
    default_take: u64,
) -> (Option<&Map<String, Value>>, u64, u64) {
    let config = context.get("list_config").and_then(Value::as_object);
    let number = |key: &str| config.and_then(|c| c.get(key)).and_then(Value::as_u64);
    let skip = number("skip").unwrap_or(0);
    let take = number("take").unwrap_or(default_take).max(1);
    (config, skip, take)
}

/// Writes `header`, then `lines_of` each row of the pages `page_at(offset)` answers (with the
/// count of all rows), from offset `skip` until a page is empty or the count is reached.
/// After each page `on_page(done, total, bytes)` is called; `false` stops early. Answers the
/// bytes written.
pub(crate) async fn write_pages<T, W, P, PageFut, F, Fut>(
    out: &mut W,
    header: &str,
    skip: u64,
    mut page_at: P,
    lines_of: impl Fn(&T) -> String,
    mut on_page: F,
) -> Result<u64>
where
    W: Write,
    P: FnMut(u64) -> PageFut,
    PageFut: Future<Output = Result<(Vec<T>, u64)>>,
    F: FnMut(u64, u64, u64) -> Fut,
    Fut: Future<Output = Result<bool>>,
{
    let io = |e: std::io::Error| Error::UnexpectedState(format!("could not write the export: {e}"));
    out.write_all(header.as_bytes()).map_err(io)?;
    let mut bytes = header.len() as u64;
    let mut offset = skip;
    let mut done = 0;
    loop {
        let (rows, count) = page_at(offset).await?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            let lines = lines_of(row);
            out.write_all(lines.as_bytes()).map_err(io)?;
            bytes += lines.len() as u64;
        }
        offset += rows.len() as u64;
        done += rows.len() as u64;
        if !on_page(done, count.saturating_sub(skip), bytes).await? || offset >= count {
            break;
        }
    }
    out.flush().map_err(io)?;
    Ok(bytes)
}
