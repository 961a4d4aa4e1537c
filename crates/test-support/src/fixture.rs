//! What a test of the `async fn name(fixture) { .. }` form of [`on_both_backends!`] receives,
//! and the runtime its tests run on.
//!
//! [`on_both_backends!`]: crate::on_both_backends

use std::future::Future;

use medusa_core::FeatureFlags;

use crate::Backend;

/// A test binary's fixture around a [`TestDb`](crate::TestDb): the admin app's `TestApp`
/// (its `AppState` and actix service over a fresh database). The fixture form of
/// [`on_both_backends!`](crate::on_both_backends) takes it as `crate::support::TestApp`.
pub trait Fixture: Sized {
    /// How the fixture is set up beyond its database (the server's flags and providers).
    type Setup: Default;

    /// The default setup with the server's feature `flags`, for `flags = ...;`.
    fn setup_with_flags(flags: FeatureFlags) -> Self::Setup;

    /// A fresh fixture over a fresh database on `backend`.
    fn open(backend: Backend, setup: Self::Setup) -> impl Future<Output = Self>;

    /// Runs one test to completion on the runtime the fixture needs; by default the one
    /// `#[tokio::test]` makes.
    fn block_on<F: Future>(future: F) -> F::Output {
        block_on(future)
    }
}

/// Runs a future on a new current-thread tokio runtime, as `#[tokio::test]` does.
pub fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime for the test")
        .block_on(future)
}
