//! Reading an import file as Medusa's CSV parser reads it: the delimiter guessed from the
//! first line, a byte-order mark dropped from the headers, blank lines skipped. Also the
//! lookup both imports' `Price <Region name> [<CUR>]` columns need.

use std::collections::HashMap;
use std::path::Path;

use medusa_core::{Error, Result};
use medusa_entity::region;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

pub(crate) fn parse_failed(message: impl std::fmt::Display) -> Error {
    Error::invalid_data(format!("The csv file parsing failed due to: {message}"))
}

/// The separator of the file: Medusa's parser guesses it; its exports use `;`.
fn sniff_delimiter(path: &Path) -> Result<u8> {
    use std::io::BufRead;
    let file = std::fs::File::open(path).map_err(parse_failed)?;
    let mut first = String::new();
    std::io::BufReader::new(file)
        .read_line(&mut first)
        .map_err(parse_failed)?;
    let count = |c: char| first.matches(c).count();
    Ok([';', ',', '\t', '|']
        .into_iter()
        .max_by_key(|c| (count(*c), *c == ';'))
        .map_or(b';', |c| c as u8))
}

/// An import file's records after its header line.
pub(crate) struct CsvRecords {
    reader: csv::Reader<std::fs::File>,
    pub headers: Vec<String>,
    /// The number of the record last read: 1 for the first line after the header.
    pub line: u64,
}

impl CsvRecords {
    pub fn open(path: &Path) -> Result<Self> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(sniff_delimiter(path)?)
            .flexible(true)
            .from_path(path)
            .map_err(parse_failed)?;
        let headers: Vec<String> = reader
            .headers()
            .map_err(parse_failed)?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').to_owned())
            .collect();
        Ok(Self {
            reader,
            headers,
            line: 0,
        })
    }

    /// The next record that is not a blank line, `None` at the end of the file.
    pub fn next_record(&mut self) -> Result<Option<csv::StringRecord>> {
        let mut record = csv::StringRecord::new();
        loop {
            if !self.reader.read_record(&mut record).map_err(parse_failed)? {
                return Ok(None);
            }
            // A blank line is skipped, as Medusa's parser skips it.
            if record.iter().all(str::is_empty) && record.len() <= 1 {
                continue;
            }
            self.line += 1;
            return Ok(Some(record));
        }
    }
}

/// A live region's id and currency code.
pub(crate) type RegionRef = (String, String);

/// The live regions by name, as a price column names them.
pub(crate) async fn live_regions_by_name<C: ConnectionTrait>(
    conn: &C,
) -> Result<HashMap<String, RegionRef>> {
    Ok(region::Entity::find()
        .filter(region::Column::DeletedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.name, (r.id, r.currency_code)))
        .collect())
}
