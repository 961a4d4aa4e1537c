//! The events Medusa's `BatchJobService` emits, one per step of a job's life.

medusa_events::events! {
    BatchCreated = "batch.created" { id: String }
    BatchUpdated = "batch.updated" { id: String }
    BatchPreProcessed = "batch.pre_processed" { id: String }
    BatchConfirmed = "batch.confirmed" { id: String }
    BatchProcessing = "batch.processing" { id: String }
    BatchCompleted = "batch.completed" { id: String }
    BatchCanceled = "batch.canceled" { id: String }
    BatchFailed = "batch.failed" { id: String }
}
