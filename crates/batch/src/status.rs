//! A batch job's status. Medusa stores no status column: each step of a job's life stamps its
//! own timestamp, and the status is read back from which of them are set, the later step
//! winning (a job both completed and canceled is `canceled`; failed beats everything).

use serde::Serialize;

/// The statuses of Medusa's `BatchJobStatus`, in the order a job moves through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BatchJobStatus {
    Created,
    PreProcessed,
    Confirmed,
    Processing,
    Completed,
    Canceled,
    Failed,
}

impl BatchJobStatus {
    /// The wire spelling (`pre_processed`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::PreProcessed => "pre_processed",
            Self::Confirmed => "confirmed",
            Self::Processing => "processing",
            Self::Completed => "completed",
            Self::Canceled => "canceled",
            Self::Failed => "failed",
        }
    }
}

/// Which of a job's step timestamps are set (as loaded: a column the query did not select
/// counts as unset, which is why Medusa answers `created` for `fields=id`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stamps {
    pub pre_processed: bool,
    pub confirmed: bool,
    pub processing: bool,
    pub completed: bool,
    pub canceled: bool,
    pub failed: bool,
}

/// The status Medusa derives from the stamps: the latest step whose timestamp is set, in the
/// fixed order of [`BatchJobStatus`], whatever the timestamps' values; `created` when none is.
pub fn status_of(stamps: Stamps) -> BatchJobStatus {
    [
        (stamps.failed, BatchJobStatus::Failed),
        (stamps.canceled, BatchJobStatus::Canceled),
        (stamps.completed, BatchJobStatus::Completed),
        (stamps.processing, BatchJobStatus::Processing),
        (stamps.confirmed, BatchJobStatus::Confirmed),
        (stamps.pre_processed, BatchJobStatus::PreProcessed),
    ]
    .into_iter()
    .find_map(|(set, status)| set.then_some(status))
    .unwrap_or(BatchJobStatus::Created)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stamps from the initials of the set timestamps: `p`re-processed, con`f`irmed,
    /// p`r`ocessing, c`o`mpleted, `c`anceled, f`a`iled.
    fn stamps(set: &str) -> Stamps {
        Stamps {
            pre_processed: set.contains('p'),
            confirmed: set.contains('f'),
            processing: set.contains('r'),
            completed: set.contains('o'),
            canceled: set.contains('c'),
            failed: set.contains('a'),
        }
    }

    fn check(set: &str, expected: &str) {
        assert_eq!(status_of(stamps(set)).as_str(), expected, "stamps {set:?}");
    }

    #[test]
    fn status_follows_the_latest_step_stamped() {
        // The first rows are the life of a job; the later ones are what the reference server
        // answered for rows stamped out of order (probes of `GET /admin/batch-jobs`).
        let cases = [
            ("", "created"),
            ("p", "pre_processed"),
            ("pf", "confirmed"),
            ("pfr", "processing"),
            ("pfro", "completed"),
            ("pfroa", "failed"),
            ("pc", "canceled"),
            ("f", "confirmed"),
            ("r", "processing"),
            ("o", "completed"),
            ("oc", "canceled"),
            ("oca", "failed"),
            ("a", "failed"),
            ("c", "canceled"),
            ("pfroc", "canceled"),
        ];
        for (set, expected) in cases {
            check(set, expected);
        }
    }

    #[test]
    fn serializes_as_medusa_spells_it() {
        for status in [
            BatchJobStatus::Created,
            BatchJobStatus::PreProcessed,
            BatchJobStatus::Confirmed,
            BatchJobStatus::Processing,
            BatchJobStatus::Completed,
            BatchJobStatus::Canceled,
            BatchJobStatus::Failed,
        ] {
            assert_eq!(
                serde_json::to_value(status).ok(),
                Some(serde_json::Value::from(status.as_str()))
            );
        }
    }
}
