//! `on_both_backends!`: one test, run once on SQLite and once on PostgreSQL, each against a
//! fresh database of its own.

/// Runs a test on SQLite and on PostgreSQL: `<name>::sqlite` and `<name>::postgres`.
///
/// Two forms:
///
/// - A list of test functions, each an `async fn(sea_orm::DatabaseConnection)` receiving a
///   fresh migrated database (the domain crates' tests):
///
///   ```ignore
///   on_both_backends!(creates_a_user, refuses_a_duplicate_email);
///   async fn creates_a_user(db: DatabaseConnection) { .. }
///   ```
///
/// - A test written inside the macro, receiving the test binary's fixture
///   (`crate::support::TestApp`, a [`Fixture`](crate::Fixture)), optionally set up with the
///   server's feature flags (`flags = ...;`) or a whole setup (`setup = ...;`):
///
///   ```ignore
///   on_both_backends! {
///       flags = tax_inclusive();
///       async fn lists_regions(app) { .. }
///   }
///   ```
///
/// The PostgreSQL run panics when `TEST_DATABASE_URL` is not set: it never passes silently.
#[macro_export]
// `crate::support::TestApp` is the calling test binary's fixture, on purpose.
#[allow(clippy::crate_in_macro_def)]
macro_rules! on_both_backends {
    (setup = $setup:expr; $(#[$meta:meta])* async fn $name:ident($fixture:ident) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($fixture: crate::support::TestApp) $body

            #[::core::prelude::v1::test]
            fn sqlite() {
                <crate::support::TestApp as $crate::Fixture>::block_on(async {
                    let fixture = <crate::support::TestApp as $crate::Fixture>::open(
                        $crate::Backend::Sqlite,
                        $setup,
                    );
                    run(fixture.await).await
                })
            }

            #[::core::prelude::v1::test]
            fn postgres() {
                <crate::support::TestApp as $crate::Fixture>::block_on(async {
                    let fixture = <crate::support::TestApp as $crate::Fixture>::open(
                        $crate::Backend::Postgres,
                        $setup,
                    );
                    run(fixture.await).await
                })
            }
        }
    };
    (flags = $flags:expr; $(#[$meta:meta])* async fn $name:ident($fixture:ident) $body:block) => {
        $crate::on_both_backends!(
            setup = <crate::support::TestApp as $crate::Fixture>::setup_with_flags($flags);
            $(#[$meta])* async fn $name($fixture) $body
        );
    };
    ($(#[$meta:meta])* async fn $name:ident($fixture:ident) $body:block) => {
        $crate::on_both_backends!(
            setup = ::core::default::Default::default();
            $(#[$meta])* async fn $name($fixture) $body
        );
    };
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[::core::prelude::v1::test]
            fn sqlite() {
                $crate::block_on(async {
                    let test = $crate::TestDb::new($crate::Backend::Sqlite).await;
                    super::$name(test.db.clone()).await
                })
            }

            #[::core::prelude::v1::test]
            fn postgres() {
                $crate::block_on(async {
                    let test = $crate::TestDb::new($crate::Backend::Postgres).await;
                    super::$name(test.db.clone()).await
                })
            }
        }
    )*};
}
