//! Payment and fulfillment provider plug points, and the providers this server ships.
//!
//! `medusa-providers` owns what a Medusa server gets from its payment and fulfillment plugins:
//! the provider traits, the shipped providers and the registry a server loads by id. Regions
//! offer them, shipping options use them, and the payment and fulfillment code to come calls
//! them, so none of those depends on another for it.
//!
//! Medusa loads providers from plugins and records the installed ones in `payment_provider` /
//! `fulfillment_provider` at boot; regions and shipping options may only name recorded ones.
//! Medusa's built-in `system` payment provider is the exception: it is always available to the
//! payment code but never written to `payment_provider`, so a region cannot list it.

// Tests may unwrap: a panic there is the failure report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

use std::sync::Arc;

use serde_json::{json, Value};

/// A payment provider regions can offer. The payment operations take the payment's stored
/// `data` and give the data to store after them (as a Medusa payment plugin's
/// `capturePayment`, `refundPayment` and `cancelPayment` do), or the provider's error.
pub trait PaymentProvider: Send + Sync {
    fn id(&self) -> &'static str;
    /// Captures an authorized payment.
    fn capture(&self, _data: &Value) -> Result<Value, String> {
        Ok(json!({}))
    }
    /// Refunds `amount` of a captured payment.
    fn refund(&self, _data: &Value, _amount: i64) -> Result<Value, String> {
        Ok(json!({}))
    }
    /// Cancels a payment.
    fn cancel(&self, _data: &Value) -> Result<Value, String> {
        Ok(json!({}))
    }
}

/// A fulfillment provider regions can offer and shipping options can use.
pub trait FulfillmentProvider: Send + Sync {
    fn id(&self) -> &'static str;
    /// The options `GET /admin/regions/{id}/fulfillment-options` lists for this provider.
    fn fulfillment_options(&self) -> Vec<Value>;
    /// Whether `data` (a shipping option's `data`) is one of this provider's options.
    fn validate_option(&self, data: &Value) -> bool;
    /// Whether shipping options with this `data` can use the `calculated` price type.
    fn can_calculate(&self, data: &Value) -> bool;
    /// The data of a shipping method created with this option (`option_data`) and the
    /// caller's `data` (Medusa's `validateFulfillmentData`); the manual provider keeps `data`.
    fn validate_fulfillment_data(&self, _option_data: &Value, data: &Value) -> Value {
        data.clone()
    }
    /// The price of a shipping method of a `calculated` option (`calculatePrice(optionData,
    /// data, cart)`), `None` when the provider gives none; a provider that cannot calculate
    /// fails, as `medusa-fulfillment-manual` throws.
    fn calculate_price(&self, _option_data: &Value, _data: &Value) -> Result<Option<i64>, String> {
        Err(format!("{} cannot calculate prices", self.id()))
    }
    /// Creates a fulfillment of an order's items through the shipping method's option `data`;
    /// gives the fulfillment's `data`.
    fn create_fulfillment(&self, _method_data: &Value) -> Result<Value, String> {
        Ok(json!({}))
    }
    /// Cancels a fulfillment (its stored `data`).
    fn cancel_fulfillment(&self, _data: &Value) -> Result<(), String> {
        Ok(())
    }
}

/// The id of Medusa's built-in payment provider, which is never recorded in `payment_provider`.
pub const SYSTEM_PAYMENT_PROVIDER_ID: &str = "system";

/// Medusa's built-in payment provider: payments that need no capture step.
pub struct SystemPaymentProvider;

impl PaymentProvider for SystemPaymentProvider {
    fn id(&self) -> &'static str {
        SYSTEM_PAYMENT_PROVIDER_ID
    }
}

/// The `medusa-payment-manual` plugin: payments settled outside the store.
pub struct ManualPaymentProvider;

impl PaymentProvider for ManualPaymentProvider {
    fn id(&self) -> &'static str {
        "manual"
    }
    fn capture(&self, _data: &Value) -> Result<Value, String> {
        Ok(json!({ "status": "captured" }))
    }
    /// The manual provider keeps the payment's data as it is.
    fn refund(&self, data: &Value, _amount: i64) -> Result<Value, String> {
        Ok(data.clone())
    }
    fn cancel(&self, _data: &Value) -> Result<Value, String> {
        Ok(json!({ "status": "canceled" }))
    }
}

/// The `medusa-fulfillment-manual` plugin: fulfillments handled by hand, one outbound and one
/// return option, any option data accepted, prices never calculated.
pub struct ManualFulfillmentProvider;

impl FulfillmentProvider for ManualFulfillmentProvider {
    fn id(&self) -> &'static str {
        "manual"
    }

    fn fulfillment_options(&self) -> Vec<Value> {
        vec![
            json!({"id": "manual-fulfillment"}),
            json!({"id": "manual-fulfillment-return", "is_return": true}),
        ]
    }

    fn validate_option(&self, _data: &Value) -> bool {
        true
    }

    fn can_calculate(&self, _data: &Value) -> bool {
        false
    }

    fn calculate_price(&self, _option_data: &Value, _data: &Value) -> Result<Option<i64>, String> {
        Err("Manual Fulfillment service cannot calculatePrice".to_owned())
    }
}

/// The test providers of Medusa's own integration tests (`integration-tests/api/src/services`):
/// `test-pay`, a payment provider that authorizes everything; capture, refund and cancel give
/// `{}` (as the built-in `system` provider's do).
pub struct TestPaymentProvider;

impl PaymentProvider for TestPaymentProvider {
    fn id(&self) -> &'static str {
        "test-pay"
    }
}

/// `test-ful`: one outbound option, any option data accepted, prices calculated (from the
/// option data's `price`).
pub struct TestFulfillmentProvider;

impl FulfillmentProvider for TestFulfillmentProvider {
    fn id(&self) -> &'static str {
        "test-ful"
    }

    fn fulfillment_options(&self) -> Vec<Value> {
        vec![json!({"id": "manual-fulfillment"})]
    }

    /// `test-ful`'s `validateFulfillmentData(data, cart)` takes the option's data as its
    /// `data`, so a method gets the option's data.
    fn validate_fulfillment_data(&self, option_data: &Value, _data: &Value) -> Value {
        option_data.clone()
    }

    fn validate_option(&self, _data: &Value) -> bool {
        true
    }

    fn can_calculate(&self, _data: &Value) -> bool {
        true
    }

    /// `test-ful` answers its option data's `price`.
    fn calculate_price(&self, option_data: &Value, _data: &Value) -> Result<Option<i64>, String> {
        Ok(option_data.get("price").and_then(Value::as_i64))
    }
}

/// Every payment provider this server ships, by id (`system` is always loaded).
fn shipped_payment(id: &str) -> Option<Arc<dyn PaymentProvider>> {
    match id {
        "manual" => Some(Arc::new(ManualPaymentProvider)),
        "test-pay" => Some(Arc::new(TestPaymentProvider)),
        _ => None,
    }
}

/// Every fulfillment provider this server ships, by id.
fn shipped_fulfillment(id: &str) -> Option<Arc<dyn FulfillmentProvider>> {
    match id {
        "manual" => Some(Arc::new(ManualFulfillmentProvider)),
        "test-ful" => Some(Arc::new(TestFulfillmentProvider)),
        _ => None,
    }
}

/// The ids [`ProviderRegistry::shipped`] knows.
pub const SHIPPED_PAYMENT_PROVIDERS: &[&str] = &["manual", "test-pay"];
pub const SHIPPED_FULFILLMENT_PROVIDERS: &[&str] = &["manual", "test-ful"];

/// The providers available to this server, looked up by id.
#[derive(Clone)]
pub struct ProviderRegistry {
    payment: Vec<Arc<dyn PaymentProvider>>,
    fulfillment: Vec<Arc<dyn FulfillmentProvider>>,
}

impl ProviderRegistry {
    /// A registry with no providers, to be filled with [`Self::with_payment`] and
    /// [`Self::with_fulfillment`].
    pub fn empty() -> Self {
        Self {
            payment: Vec::new(),
            fulfillment: Vec::new(),
        }
    }

    /// What a Medusa 1.20 server with `medusa-payment-manual` and `medusa-fulfillment-manual`
    /// has: payment `manual` and `system`, fulfillment `manual`.
    pub fn with_defaults() -> Self {
        Self::empty()
            .with_payment(Arc::new(ManualPaymentProvider))
            .with_payment(Arc::new(SystemPaymentProvider))
            .with_fulfillment(Arc::new(ManualFulfillmentProvider))
    }

    /// The shipped providers named by id, as a Medusa server loads the plugins its config
    /// lists (plus the built-in `system` payment provider). An unknown id is an error naming
    /// the known ones.
    pub fn shipped(payment: &[String], fulfillment: &[String]) -> Result<Self, String> {
        let unknown = |kind: &str, id: &str, known: &[&str]| {
            format!(
                "unknown {kind} provider {id:?}; this server ships {}",
                known.join(", ")
            )
        };
        let mut registry = Self::empty();
        for id in payment {
            let provider = shipped_payment(id)
                .ok_or_else(|| unknown("payment", id, SHIPPED_PAYMENT_PROVIDERS))?;
            registry = registry.with_payment(provider);
        }
        registry = registry.with_payment(Arc::new(SystemPaymentProvider));
        for id in fulfillment {
            let provider = shipped_fulfillment(id)
                .ok_or_else(|| unknown("fulfillment", id, SHIPPED_FULFILLMENT_PROVIDERS))?;
            registry = registry.with_fulfillment(provider);
        }
        Ok(registry)
    }

    /// Adds (or replaces, by id) a payment provider.
    pub fn with_payment(mut self, provider: Arc<dyn PaymentProvider>) -> Self {
        self.payment.retain(|known| known.id() != provider.id());
        self.payment.push(provider);
        self
    }

    /// Adds (or replaces, by id) a fulfillment provider.
    pub fn with_fulfillment(mut self, provider: Arc<dyn FulfillmentProvider>) -> Self {
        self.fulfillment.retain(|known| known.id() != provider.id());
        self.fulfillment.push(provider);
        self
    }

    pub fn payment(&self, id: &str) -> Option<Arc<dyn PaymentProvider>> {
        self.payment.iter().find(|p| p.id() == id).cloned()
    }

    pub fn fulfillment(&self, id: &str) -> Option<Arc<dyn FulfillmentProvider>> {
        self.fulfillment.iter().find(|p| p.id() == id).cloned()
    }

    /// Every payment provider id, the built-in `system` included.
    pub fn payment_ids(&self) -> Vec<&'static str> {
        self.payment.iter().map(|p| p.id()).collect()
    }

    pub fn fulfillment_ids(&self) -> Vec<&'static str> {
        self.fulfillment.iter().map(|p| p.id()).collect()
    }

    /// The payment provider ids recorded as installed at boot: all but the built-in `system`.
    pub fn installed_payment_ids(&self) -> Vec<&'static str> {
        self.payment_ids()
            .into_iter()
            .filter(|id| *id != SYSTEM_PAYMENT_PROVIDER_ID)
            .collect()
    }
}

impl Default for ProviderRegistry {
    fn default() -> Self {
        Self::with_defaults()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_a_medusa_server_with_the_manual_plugins() {
        let registry = ProviderRegistry::with_defaults();
        assert_eq!(registry.payment_ids(), vec!["manual", "system"]);
        assert_eq!(registry.installed_payment_ids(), vec!["manual"]);
        assert_eq!(registry.fulfillment_ids(), vec!["manual"]);
        assert!(registry.payment("system").is_some());
        assert!(registry.payment("stripe").is_none());
        let manual = registry.fulfillment("manual");
        assert_eq!(
            manual.map(|p| p.fulfillment_options()),
            Some(vec![
                json!({"id": "manual-fulfillment"}),
                json!({"id": "manual-fulfillment-return", "is_return": true}),
            ])
        );
        assert!(registry.fulfillment("webshipper").is_none());
    }

    #[test]
    fn shipped_providers_are_loaded_by_id() {
        let ids = |list: &[&str]| list.iter().map(|id| id.to_string()).collect::<Vec<_>>();
        let registry = ProviderRegistry::shipped(&ids(&["test-pay"]), &ids(&["test-ful"]))
            .unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(registry.payment_ids(), vec!["test-pay", "system"]);
        assert_eq!(registry.installed_payment_ids(), vec!["test-pay"]);
        assert_eq!(registry.fulfillment_ids(), vec!["test-ful"]);
        let test_ful = registry.fulfillment("test-ful");
        assert_eq!(test_ful.map(|p| p.can_calculate(&json!({}))), Some(true));

        let defaults = ProviderRegistry::shipped(&ids(&["manual"]), &ids(&["manual"]))
            .unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(
            defaults.payment_ids(),
            ProviderRegistry::with_defaults().payment_ids()
        );

        let unknown = ProviderRegistry::shipped(&ids(&["stripe"]), &[]).err();
        assert_eq!(
            unknown.as_deref(),
            Some(r#"unknown payment provider "stripe"; this server ships manual, test-pay"#)
        );
    }

    #[test]
    fn a_provider_added_with_a_known_id_replaces_the_old_one() {
        struct Calculating;
        impl FulfillmentProvider for Calculating {
            fn id(&self) -> &'static str {
                "manual"
            }
            fn fulfillment_options(&self) -> Vec<Value> {
                Vec::new()
            }
            fn validate_option(&self, data: &Value) -> bool {
                data.get("id").is_some()
            }
            fn can_calculate(&self, _data: &Value) -> bool {
                true
            }
        }
        let registry = ProviderRegistry::with_defaults().with_fulfillment(Arc::new(Calculating));
        assert_eq!(registry.fulfillment_ids(), vec!["manual"]);
        let manual = registry.fulfillment("manual");
        assert_eq!(manual.map(|p| p.can_calculate(&json!({}))), Some(true));
    }
}
