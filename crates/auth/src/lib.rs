//! Users, invites and credentials.
