//! Domain events: the transactional outbox every write records into, and the dispatcher that delivers them to subscribers (notification providers, webhooks).
