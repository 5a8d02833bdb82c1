//! The crate's one error type.

use std::fmt;

/// An error from building something: a gazetteer from bad input, or a file that
/// cannot be read.
///
/// Analysis itself never fails; only construction returns `Result`. The enum and
/// its struct variants are `#[non_exhaustive]` so that fields and kinds can be
/// added without a breaking release.
///
/// # Examples
///
/// ```
/// use textfacts::Gazetteer;
///
/// let err = Gazetteer::from_tsv("Aleppo\tLOC\n").unwrap_err();
/// assert_eq!(err.line(), Some(1));
/// assert!(err.to_string().starts_with("line 1:"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A line of gazetteer input (TSV or JSON Lines) is malformed.
    #[non_exhaustive]
    Syntax {
        /// The file the line came from, when known.
        file: Option<String>,
        /// 1-based line number in the input as given (before any sorting).
        line: usize,
        /// What is wrong, in lowercase words.
        message: String,
    },
    /// A file could not be read.
    #[non_exhaustive]
    Io {
        /// The path that failed.
        file: String,
        /// The operating system's reason.
        message: String,
    },
    /// An entry added from code is invalid (an empty name, label, id or
    /// canonical name); reported by the build.
    #[non_exhaustive]
    Invalid {
        /// What is wrong, in lowercase words.
        message: String,
    },
    /// A configuration or input value is out of what the crate supports
    /// (for example more entities than fit a `u32` id).
    #[non_exhaustive]
    Limit {
        /// What limit was exceeded.
        message: String,
    },
}

impl Error {
    /// A syntax error at a 1-based `line`, with no file name yet.
    pub(crate) fn syntax(line: usize, message: impl Into<String>) -> Error {
        Error::Syntax { file: None, line, message: message.into() }
    }

    /// An I/O error reading `file`.
    pub(crate) fn io(file: impl Into<String>, err: &std::io::Error) -> Error {
        Error::Io { file: file.into(), message: err.to_string() }
    }

    /// A limit error.
    pub(crate) fn limit(message: impl Into<String>) -> Error {
        Error::Limit { message: message.into() }
    }

    /// An invalid entry added from code.
    pub(crate) fn invalid(message: impl Into<String>) -> Error {
        Error::Invalid { message: message.into() }
    }

    /// Attaches a file name to a syntax error (other kinds are returned as is).
    pub(crate) fn in_file(self, name: &str) -> Error {
        match self {
            Error::Syntax { file: None, line, message } => {
                Error::Syntax { file: Some(name.to_string()), line, message }
            }
            other => other,
        }
    }

    /// The 1-based input line the error is about, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = textfacts::Gazetteer::from_tsv("Idlib\tLOC\tx:1\tIdlib\n\tLOC\tx:2\tY\n").unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::Syntax { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// The file the error is about, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = textfacts::Gazetteer::from_tsv_file("/no/such/file.tsv").unwrap_err();
    /// assert_eq!(err.file(), Some("/no/such/file.tsv"));
    /// ```
    #[must_use]
    pub fn file(&self) -> Option<&str> {
        match self {
            Error::Syntax { file, .. } => file.as_deref(),
            Error::Io { file, .. } => Some(file),
            Error::Limit { .. } | Error::Invalid { .. } => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax { file: Some(file), line, message } => {
                write!(f, "{file}: line {line}: {message}")
            }
            Error::Syntax { file: None, line, message } => write!(f, "line {line}: {message}"),
            Error::Io { file, message } => write!(f, "{file}: {message}"),
            Error::Limit { message } | Error::Invalid { message } => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}
