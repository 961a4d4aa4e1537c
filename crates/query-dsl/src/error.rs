//! Why a query string was refused. Every variant is a client error (400 `invalid_data`) whose
//! message names the offending parameter; the texts follow Medusa's class-validator messages.

/// A refused query string.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// A parameter, or an operator of one, the endpoint does not take.
    #[error("property {0} should not exist")]
    UnknownParameter(String),
    /// A list or operator object where one string is expected.
    #[error("{0} must be a string")]
    NotAString(String),
    /// A bare value or a list where only operators are accepted.
    #[error("nested property {0} must be either object or array")]
    NotAnObject(String),
    #[error("{0} must be a number conforming to the specified constraints")]
    NotANumber(String),
    #[error("{0} must be an integer number")]
    NotAnInteger(String),
    #[error("{0} must not be less than 0")]
    Negative(String),
    #[error("{param} must not be greater than {max}")]
    TooLarge { param: String, max: u64 },
    #[error("{0} must be a boolean value")]
    NotABoolean(String),
    #[error("{0} must be a Date instance")]
    NotADate(String),
    /// A value outside an enum; `each` when the parameter takes a list (Medusa's wording
    /// then starts with "each value in").
    #[error("{}{param} must be one of the following values: {}", if *.each { "each value in " } else { "" }, .values.join(", "))]
    NotInEnum {
        param: String,
        values: Vec<String>,
        each: bool,
    },
    #[error("Order field {0} is not valid")]
    InvalidOrder(String),
    /// Fields or relations the resource does not have (Medusa's `allowedFields` message).
    #[error("Requested fields [{}] are not valid", .0.join(", "))]
    InvalidFields(Vec<String>),
    #[error("{0} must not contain a NUL character")]
    ContainsNul(String),
    #[error("the query string has more than {0} parameters")]
    TooManyParameters(usize),
    /// Several problems at once, joined as Medusa joins validation messages.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))]
    Several(Vec<QueryError>),
}

impl QueryError {
    /// Folds collected problems into one error, or none.
    pub(crate) fn from_all(mut errors: Vec<QueryError>) -> Result<(), QueryError> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.remove(0)),
            _ => Err(QueryError::Several(errors)),
        }
    }
}

impl From<QueryError> for medusa_core::Error {
    fn from(err: QueryError) -> Self {
        medusa_core::Error::InvalidData(err.to_string())
    }
}
