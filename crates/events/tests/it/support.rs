//! A subscriber that records what it is handed.

use std::sync::Mutex;

use async_trait::async_trait;
use medusa_events::{OutboxEvent, Subscriber};

/// Remembers every event it handles; fails the first `failures` deliveries of events whose
/// resource is `failing_resource`.
pub struct Recorder {
    pub name: &'static str,
    pub wanted: &'static [&'static str],
    pub failing_resource: Option<&'static str>,
    pub failures: Mutex<u32>,
    pub handled: Mutex<Vec<OutboxEvent>>,
    pub delay: std::time::Duration,
}

impl Recorder {
    pub fn new(name: &'static str, wanted: &'static [&'static str]) -> Self {
        Self {
            name,
            wanted,
            failing_resource: None,
            failures: Mutex::new(0),
            handled: Mutex::new(Vec::new()),
            delay: std::time::Duration::ZERO,
        }
    }

    pub fn failing(mut self, resource: &'static str, times: u32) -> Self {
        self.failing_resource = Some(resource);
        self.failures = Mutex::new(times);
        self
    }

    pub fn handled_ids(&self) -> Vec<String> {
        self.handled
            .lock()
            .unwrap()
            .iter()
            .map(|event| event.id.clone())
            .collect()
    }

    pub fn handled_names(&self) -> Vec<String> {
        self.handled
            .lock()
            .unwrap()
            .iter()
            .map(|event| event.name.clone())
            .collect()
    }
}

#[async_trait]
impl Subscriber for Recorder {
    fn name(&self) -> &str {
        self.name
    }

    fn wants(&self, event: &str) -> bool {
        self.wanted.contains(&event)
    }

    async fn handle(&self, event: &OutboxEvent) -> medusa_core::Result<()> {
        if !self.delay.is_zero() {
            tokio::time::sleep(self.delay).await;
        }
        if event.resource_id.as_deref() == self.failing_resource {
            let mut failures = self.failures.lock().unwrap();
            if *failures > 0 {
                *failures -= 1;
                return Err(medusa_core::Error::UnexpectedState(format!(
                    "{} is down",
                    self.name
                )));
            }
        }
        self.handled.lock().unwrap().push(event.clone());
        Ok(())
    }
}
