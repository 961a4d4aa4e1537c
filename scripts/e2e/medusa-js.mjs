// Calls, through Medusa's own JS client (@medusajs/medusa-js 6.1.x), every admin.* method of
// the resources our server serves, against a running server. Each group makes its own data
// (create, then update, then delete). A call passes when it resolves and its answer has the
// expected top-level key. Prints `N passed, N failed`, with the status and body of each failure.
// The client's own paths are kept as they are, trailing slashes included (/admin/store/,
// /admin/products/, /admin/shipping-profiles/, /admin/price-lists/, /admin/notes/).
// Run by medusa-js.sh (which starts our server); by hand:
//
//   E2E_BACKEND_URL=http://localhost:9310 E2E_CLIENTS_DIR=$HOME/.cache/medusa-e2e/clients node medusa-js.mjs
//
// env: E2E_BACKEND_URL, E2E_CLIENTS_DIR (npm folder with @medusajs/medusa-js),
//      E2E_EMAIL / E2E_PASSWORD (admin@medusa-test.com / supersecret), E2E_OUT (writes medusa-js.json)
//
// Writes to the server it is pointed at: what it makes it deletes again, except a customer
// (the admin API cannot delete customers) and two uploaded files when deleting them fails.
import { createRequire } from "node:module"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const env = process.env
const BASE = (env.E2E_BACKEND_URL || "http://localhost:9310").replace(/\/+$/, "")
const EMAIL = env.E2E_EMAIL || "admin@medusa-test.com"
const PASSWORD = env.E2E_PASSWORD || "supersecret"
const require = createRequire(join(env.E2E_CLIENTS_DIR || ".", "package.json"))
const Medusa = require("@medusajs/medusa-js").default
const RUN = Date.now().toString(36) // makes names, emails and handles of this run unique

// ---------------------------------------------------------------------------------------------
// The checks.

const results = [] // { name, ok, skipped?, detail }

function describeError(err) {
  const res = err?.response
  if (res) {
    const body = typeof res.data === "string" ? res.data : JSON.stringify(res.data)
    const method = (res.config?.method || err.config?.method || "").toUpperCase()
    const url = res.config?.url || err.config?.url || ""
    return { status: res.status, detail: `${method} ${url} -> ${res.status} ${(body ?? "").slice(0, 400)}` }
  }
  const method = (err?.config?.method || "").toUpperCase()
  return { status: null, detail: `${method} ${err?.config?.url || ""} -> ${err?.code || ""} ${err?.message || err}`.trim() }
}

/**
 * Runs one client call. `key`: the top-level key the answer must have (null: only resolving).
 * `needs`: values an earlier step should have produced; when one is missing the call is not
 * made and counts as failed ("not run"). `expect`: an error status that is the right answer
 * (the call must then reject with exactly that status, or any 4xx for "4xx"). `alsoOk`: an
 * error status accepted besides success.
 */
async function check(name, key, fn, { needs = [], expect, alsoOk } = {}) {
  if (needs.some((v) => v === undefined || v === null)) {
    results.push({ name, ok: false, skipped: true, detail: "not run: an earlier call it needs failed" })
    return undefined
  }
  try {
    const res = await fn()
    if (expect) {
      results.push({ name, ok: false, detail: `expected an error ${expect}, got ${res?.response?.status}` })
      return undefined
    }
    if (key && !(res && key in res)) {
      const body = JSON.stringify(Object.fromEntries(Object.entries(res || {}).filter(([k]) => k !== "response")))
      results.push({ name, ok: false, detail: `answer ${res?.response?.status} has no "${key}": ${body.slice(0, 400)}` })
        return undefined
    }
    results.push({ name, ok: true })
    return res
  } catch (err) {
    const { status, detail } = describeError(err)
    if ((expect && status === expect) || (alsoOk && status === alsoOk)) {
      results.push({ name, ok: true, detail: `answered ${status} as expected` })
      return undefined
    }
    if (expect === "4xx" && status >= 400 && status < 500) {
      results.push({ name, ok: true, detail: `refused with ${status} as expected` })
      return undefined
    }
    results.push({ name, ok: false, detail })
    return undefined
  }
}

// axios 0.24 (the client's HTTP library) cannot send Node's FormData through its Node adapter;
// in a browser it uses XMLHttpRequest, which can. For the two multipart calls this fetch-based
// adapter stands in for the browser's; every other call uses the client's own adapter.
async function fetchAdapter(config) {
  const base = (config.baseURL || "").replace(/\/+$/, "")
  const url = /^https?:/.test(config.url) ? config.url : `${base}/${config.url.replace(/^\/+/, "")}`
  const headers = { ...config.headers }
  if (config.data instanceof FormData) {
    for (const h of Object.keys(headers)) if (h.toLowerCase() === "content-type") delete headers[h]
  }
  const res = await fetch(url, { method: config.method.toUpperCase(), headers, body: config.data, signal: AbortSignal.timeout(30000) })
  const response = {
    data: await res.text(),
    status: res.status,
    statusText: res.statusText,
    headers: Object.fromEntries(res.headers.entries()),
    config,
    request: {},
  }
  if (config.validateStatus && !config.validateStatus(res.status)) {
    throw Object.assign(new Error(`Request failed with status code ${res.status}`), {
      config,
      response: { ...response, data: tryJson(response.data) },
      isAxiosError: true,
    })
  }
  return response
}
const tryJson = (t) => {
  try {
    return JSON.parse(t)
  } catch {
    return t
  }
}

// ---------------------------------------------------------------------------------------------

const anonymous = new Medusa({ baseUrl: BASE, maxRetries: 0 })

// auth. The client keeps JWTs and cookies only in a browser; in Node the session cookie and
// the bearer token are passed as headers.
const session = await check("auth.createSession", "user", () =>
  anonymous.admin.auth.createSession({ email: EMAIL, password: PASSWORD }),
)
const cookie = (session?.response?.headers?.["set-cookie"] || []).map((c) => c.split(";")[0]).join("; ")
await check("auth.getSession", "user", () => anonymous.admin.auth.getSession({ Cookie: cookie }), {
  needs: [session],
})
const tokenRes = await check("auth.getToken", "access_token", () =>
  anonymous.admin.auth.getToken({ email: EMAIL, password: PASSWORD }),
)
const token = tokenRes?.access_token
if (!token) {
  console.log("FAIL auth.getToken: no token, the other calls cannot authenticate")
}
const medusa = new Medusa({ baseUrl: BASE, maxRetries: 0, customHeaders: { Authorization: `Bearer ${token}` } })
const uploader = new Medusa({
  baseUrl: BASE,
  maxRetries: 0,
  customHeaders: { Authorization: `Bearer ${token}` },
  axiosAdapter: fetchAdapter,
})
const admin = medusa.admin

// store and currencies
const store = (await check("store.retrieve", "store", () => admin.store.retrieve()))?.store
// Routes behind a Medusa feature flag that is off answer 404 on Medusa: then 404 is the
// right answer. The flags are the ones the server reports (GET /admin/store).
const flags = Object.fromEntries((store?.feature_flags || []).map((f) => [f.key, f.value]))
const flagged = (key, needs = []) => (flags[key] ? { needs } : { expect: 404 })
console.log(`feature flags on: ${Object.keys(flags).filter((k) => flags[k]).join(", ") || "(none reported)"}`)
await check("store.update", "store", () => admin.store.update({ name: `${store?.name ?? "Store"} (e2e)` }))
if (store) await admin.store.update({ name: store.name }).catch(() => {}) // put the name back
await check("store.listPaymentProviders", "payment_providers", () => admin.store.listPaymentProviders())
await check("store.listTaxProviders", "tax_providers", () => admin.store.listTaxProviders())
const extraCurrency = "nzd"
// The client posts to /admin/store/{code}, a route Medusa 1.20 does not have (its route is
// /admin/store/currencies/{code}): Medusa answers 404 there. Either answer passes: the
// store (a server serving the client's path too) or Medusa's 404.
await check("store.addCurrency", "store", () => admin.store.addCurrency(extraCurrency), { alsoOk: 404 })
await check("store.deleteCurrency", "store", () => admin.store.deleteCurrency(extraCurrency))
await check("currencies.list", "currencies", () => admin.currencies.list({ limit: 5 }))
// Medusa serves POST /admin/currencies/{code} only with its tax_inclusive_pricing feature flag
// (404 without); medusa-js.sh starts our server with it on.
// (includes_tax is refused with 400 without it, before the 404).
const taxInclusive = flags.tax_inclusive_pricing ? { includes_tax: false } : {}
await check("currencies.update", "currency", () => admin.currencies.update("usd", taxInclusive), flagged("tax_inclusive_pricing"))

// users (the reset token is e-mailed, never answered: a wrong one must be refused with a 4xx;
// Medusa 1.20 itself answers 500 unknown_error there)
await check("users.list", "users", () => admin.users.list())
const userEmail = `e2e-user-${RUN}@example.com`
const user = (
  await check("users.create", "user", () =>
    admin.users.create({ email: userEmail, password: "supersecret", first_name: "Uma", role: "member" }),
  )
)?.user
await check("users.retrieve", "user", () => admin.users.retrieve(user.id), { needs: [user] })
await check("users.update", "user", () => admin.users.update(user.id, { first_name: "Ulla" }), { needs: [user] })
await check("users.sendResetPasswordToken", null, () => anonymous.admin.users.sendResetPasswordToken({ email: userEmail }), {
  needs: [user],
})
await check(
  "users.resetPassword",
  null,
  () => anonymous.admin.users.resetPassword({ email: userEmail, token: "not-a-valid-token", password: "new-secret" }),
  { needs: [user], expect: "4xx" },
)
await check("users.delete", "deleted", () => admin.users.delete(user.id), { needs: [user] })

// invites: one accepted (its token is in the list), one resent and deleted
const inviteEmails = [`e2e-invite-a-${RUN}@example.com`, `e2e-invite-b-${RUN}@example.com`]
await check("invites.create", null, () => admin.invites.create({ user: inviteEmails[0], role: "member" }))
await admin.invites.create({ user: inviteEmails[1], role: "member" }).catch(() => {})
const invites = (await check("invites.list", "invites", () => admin.invites.list()))?.invites || []
const inviteA = invites.find((i) => i.user_email === inviteEmails[0])
const inviteB = invites.find((i) => i.user_email === inviteEmails[1])
await check("invites.resend", null, () => admin.invites.resend(inviteB.id), { needs: [inviteB] })
await check("invites.delete", "deleted", () => admin.invites.delete(inviteB.id), { needs: [inviteB] })
await check(
  "invites.accept",
  null,
  () =>
    anonymous.admin.invites.accept({
      token: inviteA.token,
      user: { first_name: "Ivo", last_name: "Invited", password: "supersecret" },
    }),
  { needs: [inviteA?.token] },
)
{
  // the accepted invite made a user: remove it again
  const made = (await admin.users.list().catch(() => null))?.users?.find((u) => u.email === inviteEmails[0])
  if (made) await admin.users.delete(made.id).catch(() => {})
}

// products, options, variants, tags, types
const product = (
  await check("products.create", "product", () =>
    admin.products.create({
      title: `E2E Product ${RUN}`,
      handle: `e2e-product-${RUN}`,
      status: "draft",
      is_giftcard: false,
      discountable: true,
      type: { value: `e2e-type-${RUN}` },
      tags: [{ value: `e2e-tag-${RUN}` }],
      options: [{ title: "Size" }],
      variants: [
        {
          title: "S",
          sku: `e2e-s-${RUN}`,
          inventory_quantity: 10,
          prices: [{ currency_code: "usd", amount: 1000 }],
          options: [{ value: "S" }],
        },
      ],
    }),
  )
)?.product
const needP = { needs: [product] }
await check("products.list", "products", () => admin.products.list({ limit: 5 }))
await check("products.retrieve", "product", () => admin.products.retrieve(product.id), needP)
await check("products.update", "product", () => admin.products.update(product.id, { subtitle: "made by medusa-js.mjs" }), needP)
await check("products.listTypes", "types", () => admin.products.listTypes())
await check("products.listTags", "tags", () => admin.products.listTags())
await check("products.setMetadata", "product", () => admin.products.setMetadata(product.id, { key: "e2e", value: RUN }), needP)
const withColor = (
  await check("products.addOption", "product", () => admin.products.addOption(product.id, { title: "Color" }), needP)
)?.product
const sizeOpt = product?.options?.find((o) => o.title === "Size")
const colorOpt = withColor?.options?.find((o) => o.title === "Color")
await check("products.updateOption", "product", () => admin.products.updateOption(product.id, colorOpt.id, { title: "Colour" }), {
  needs: [colorOpt],
})
const withM = (
  await check(
    "products.createVariant",
    "product",
    () =>
      admin.products.createVariant(product.id, {
        title: "M / Red",
        sku: `e2e-m-${RUN}`,
        inventory_quantity: 5,
        prices: [{ currency_code: "usd", amount: 1200 }],
        options: [
          { option_id: sizeOpt.id, value: "M" },
          { option_id: colorOpt.id, value: "Red" },
        ],
      }),
    { needs: [sizeOpt, colorOpt] },
  )
)?.product
const variantM = withM?.variants?.find((v) => v.title === "M / Red")
const variantS = product?.variants?.[0]
await check("products.listVariants", "variants", () => admin.products.listVariants(product.id), needP)
await check("products.updateVariant", "product", () => admin.products.updateVariant(product.id, variantM.id, { title: "M / Rot" }), {
  needs: [variantM],
})
await check("variants.list", "variants", () => admin.variants.list({ limit: 5 }))
await check("variants.retrieve", "variant", () => admin.variants.retrieve(variantS.id), { needs: [variantS] })
await check("variants.getInventory", "variant", () => admin.variants.getInventory(variantS.id), { needs: [variantS] })
await check("productTags.list", "product_tags", () => admin.productTags.list({ limit: 5 }))
await check("productTypes.list", "product_types", () => admin.productTypes.list({ limit: 5 }))

// collections
const collection = (
  await check("collections.create", "collection", () =>
    admin.collections.create({ title: `E2E Collection ${RUN}`, handle: `e2e-collection-${RUN}` }),
  )
)?.collection
const needC = { needs: [collection] }
await check("collections.retrieve", "collection", () => admin.collections.retrieve(collection.id), needC)
await check("collections.update", "collection", () => admin.collections.update(collection.id, { title: `E2E Collection ${RUN}!` }), needC)
await check("collections.list", "collections", () => admin.collections.list({ limit: 5 }))
await check("collections.addProducts", "collection", () => admin.collections.addProducts(collection.id, { product_ids: [product.id] }), {
  needs: [collection, product],
})
await check(
  "collections.removeProducts",
  "removed_products",
  () => admin.collections.removeProducts(collection.id, { product_ids: [product.id] }),
  { needs: [collection, product] },
)
await check("collections.delete", "deleted", () => admin.collections.delete(collection.id), needC)

// product categories (behind Medusa's product_categories flag)
const category = (
  await check(
    "productCategories.create",
    "product_category",
    () => admin.productCategories.create({ name: `E2E Category ${RUN}`, handle: `e2e-category-${RUN}`, is_active: true }),
    flagged("product_categories"),
  )
)?.product_category
const catId = category?.id ?? `pcat_e2e_${RUN}` // an unknown id when the flag is off
const needK = flagged("product_categories", [category])
const needKP = flagged("product_categories", [category, product])
await check("productCategories.retrieve", "product_category", () => admin.productCategories.retrieve(catId), needK)
await check("productCategories.update", "product_category", () => admin.productCategories.update(catId, { description: "e2e" }), needK)
await check("productCategories.list", "product_categories", () => admin.productCategories.list({ limit: 5 }), flagged("product_categories"))
await check(
  "productCategories.addProducts",
  "product_category",
  () => admin.productCategories.addProducts(catId, { product_ids: [{ id: product?.id }] }),
  needKP,
)
await check(
  "productCategories.removeProducts",
  "product_category",
  () => admin.productCategories.removeProducts(catId, { product_ids: [{ id: product?.id }] }),
  needKP,
)
await check("productCategories.delete", "deleted", () => admin.productCategories.delete(catId), needK)

// sales channels (a stock location needs the inventory modules: an unknown one must be refused)
const channel = (
  await check("salesChannels.create", "sales_channel", () =>
    admin.salesChannels.create({ name: `E2E Channel ${RUN}`, description: "e2e" }),
  )
)?.sales_channel
const needS = { needs: [channel] }
await check("salesChannels.retrieve", "sales_channel", () => admin.salesChannels.retrieve(channel.id), needS)
await check("salesChannels.update", "sales_channel", () => admin.salesChannels.update(channel.id, { description: "e2e!" }), needS)
await check("salesChannels.list", "sales_channels", () => admin.salesChannels.list({ limit: 5 }))
await check(
  "salesChannels.addProducts",
  "sales_channel",
  () => admin.salesChannels.addProducts(channel.id, { product_ids: [{ id: product.id }] }),
  { needs: [channel, product] },
)
await check(
  "salesChannels.removeProducts",
  "sales_channel",
  () => admin.salesChannels.removeProducts(channel.id, { product_ids: [{ id: product.id }] }),
  { needs: [channel, product] },
)
await check("salesChannels.addLocation", "sales_channel", () => admin.salesChannels.addLocation(channel.id, { location_id: `sloc_e2e_${RUN}` }), needS)
await check("salesChannels.removeLocation", "deleted", () => admin.salesChannels.removeLocation(channel.id, { location_id: `sloc_e2e_${RUN}` }), needS)

// publishable API keys (with the sales channel above)
const key = (
  await check("publishableApiKeys.create", "publishable_api_key", () =>
    admin.publishableApiKeys.create({ title: `E2E key ${RUN}` }),
  )
)?.publishable_api_key
const needPk = { needs: [key] }
await check("publishableApiKeys.retrieve", "publishable_api_key", () => admin.publishableApiKeys.retrieve(key.id), needPk)
await check("publishableApiKeys.update", "publishable_api_key", () => admin.publishableApiKeys.update(key.id, { title: `E2E key ${RUN}!` }), needPk)
await check("publishableApiKeys.list", "publishable_api_keys", () => admin.publishableApiKeys.list({ limit: 5 }))
await check(
  "publishableApiKeys.addSalesChannelsBatch",
  "publishable_api_key",
  () => admin.publishableApiKeys.addSalesChannelsBatch(key.id, { sales_channel_ids: [{ id: channel.id }] }),
  { needs: [key, channel] },
)
await check("publishableApiKeys.listSalesChannels", "sales_channels", () => admin.publishableApiKeys.listSalesChannels(key.id), needPk)
await check(
  "publishableApiKeys.deleteSalesChannelsBatch",
  "publishable_api_key",
  () => admin.publishableApiKeys.deleteSalesChannelsBatch(key.id, { sales_channel_ids: [{ id: channel.id }] }),
  { needs: [key, channel] },
)
await check("publishableApiKeys.revoke", "publishable_api_key", () => admin.publishableApiKeys.revoke(key.id), needPk)
await check("publishableApiKeys.delete", "deleted", () => admin.publishableApiKeys.delete(key.id), needPk)
await check("salesChannels.delete", "deleted", () => admin.salesChannels.delete(channel.id), needS)

// price lists
const priceList = (
  await check("priceLists.create", "price_list", () =>
    admin.priceLists.create({
      name: `E2E Price List ${RUN}`,
      description: "e2e",
      type: "sale",
      prices: [{ amount: 900, currency_code: "usd", variant_id: variantS.id }],
    }),
  )
)?.price_list
const needL = { needs: [priceList] }
await check("priceLists.retrieve", "price_list", () => admin.priceLists.retrieve(priceList.id), needL)
await check("priceLists.update", "price_list", () => admin.priceLists.update(priceList.id, { description: "e2e!" }), needL)
await check("priceLists.list", "price_lists", () => admin.priceLists.list()) // no query: GET /admin/price-lists/
await check("priceLists.listProducts", "products", () => admin.priceLists.listProducts(priceList.id), needL)
const withEur = (
  await check(
    "priceLists.addPrices",
    "price_list",
    () =>
      admin.priceLists.addPrices(priceList.id, {
        prices: [
          { amount: 800, currency_code: "eur", variant_id: variantS.id },
          { amount: 1100, currency_code: "usd", variant_id: variantM?.id },
          { amount: 1000, currency_code: "eur", variant_id: variantM?.id },
        ],
      }),
    { needs: [priceList, variantS, variantM] },
  )
)?.price_list
const eurS = withEur?.prices?.find((p) => p.currency_code === "eur" && p.variant_id === variantS.id)
await check("priceLists.deletePrices", "deleted", () => admin.priceLists.deletePrices(priceList.id, { price_ids: [eurS.id] }), {
  needs: [eurS],
})
await check("priceLists.deleteVariantPrices", "deleted", () => admin.priceLists.deleteVariantPrices(priceList.id, variantM.id), {
  needs: [priceList, variantM],
})
await check("priceLists.deleteProductPrices", "deleted", () => admin.priceLists.deleteProductPrices(priceList.id, product.id), {
  needs: [priceList, product],
})
await check(
  "priceLists.deleteProductsPrices",
  "deleted",
  () => admin.priceLists.deleteProductsPrices(priceList.id, { product_ids: [product.id] }),
  { needs: [priceList, product] },
)
await check("priceLists.delete", "deleted", () => admin.priceLists.delete(priceList.id), needL)

// regions, shipping profiles and options, tax rates
const region = (
  await check("regions.create", "region", () =>
    admin.regions.create({
      name: `E2E Region ${RUN}`,
      currency_code: "usd",
      tax_rate: 0,
      payment_providers: ["manual"],
      fulfillment_providers: ["manual"],
      countries: ["au"],
    }),
  )
)?.region
const needR = { needs: [region] }
await check("regions.retrieve", "region", () => admin.regions.retrieve(region.id), needR)
await check("regions.update", "region", () => admin.regions.update(region.id, { name: `E2E Region ${RUN}!` }), needR)
await check("regions.list", "regions", () => admin.regions.list({ limit: 5 }))
await check("regions.addCountry", "region", () => admin.regions.addCountry(region.id, { country_code: "nz" }), needR)
await check("regions.deleteCountry", "region", () => admin.regions.deleteCountry(region.id, "nz"), needR)
await check("regions.retrieveFulfillmentOptions", "fulfillment_options", () => admin.regions.retrieveFulfillmentOptions(region.id), needR)
await check("regions.deleteFulfillmentProvider", "region", () => admin.regions.deleteFulfillmentProvider(region.id, "manual"), needR)
await check("regions.addFulfillmentProvider", "region", () => admin.regions.addFulfillmentProvider(region.id, { provider_id: "manual" }), needR)
await check("regions.deletePaymentProvider", "region", () => admin.regions.deletePaymentProvider(region.id, "manual"), needR)
await check("regions.addPaymentProvider", "region", () => admin.regions.addPaymentProvider(region.id, { provider_id: "manual" }), needR)

const profile = (
  await check("shippingProfiles.create", "shipping_profile", () =>
    admin.shippingProfiles.create({ name: `E2E Profile ${RUN}`, type: "custom" }),
  )
)?.shipping_profile
const needSp = { needs: [profile] }
await check("shippingProfiles.retrieve", "shipping_profile", () => admin.shippingProfiles.retrieve(profile.id), needSp)
await check("shippingProfiles.update", "shipping_profile", () => admin.shippingProfiles.update(profile.id, { name: `E2E Profile ${RUN}!` }), needSp)
await check("shippingProfiles.list", "shipping_profiles", () => admin.shippingProfiles.list())

const option = (
  await check(
    "shippingOptions.create",
    "shipping_option",
    () =>
      admin.shippingOptions.create({
        name: `E2E Shipping ${RUN}`,
        region_id: region.id,
        profile_id: profile.id,
        provider_id: "manual",
        data: { id: "manual-fulfillment" },
        price_type: "flat_rate",
        amount: 500,
      }),
    { needs: [region, profile] },
  )
)?.shipping_option
const needO = { needs: [option] }
await check("shippingOptions.retrieve", "shipping_option", () => admin.shippingOptions.retrieve(option.id), needO)
await check(
  "shippingOptions.update",
  "shipping_option",
  () => admin.shippingOptions.update(option.id, { name: `E2E Shipping ${RUN}!`, requirements: [] }),
  needO,
)
await check("shippingOptions.list", "shipping_options", () => admin.shippingOptions.list({ region_id: region?.id }))

const taxRate = (
  await check(
    "taxRates.create",
    "tax_rate",
    () => admin.taxRates.create({ code: `E2E${RUN}`, name: "E2E rate", region_id: region.id, rate: 10 }),
    needR,
  )
)?.tax_rate
const needT = { needs: [taxRate] }
await check("taxRates.retrieve", "tax_rate", () => admin.taxRates.retrieve(taxRate.id), needT)
await check("taxRates.update", "tax_rate", () => admin.taxRates.update(taxRate.id, { rate: 12 }), needT)
await check("taxRates.list", "tax_rates", () => admin.taxRates.list({ limit: 5 }))
await check("taxRates.addProducts", "tax_rate", () => admin.taxRates.addProducts(taxRate.id, { products: [product.id] }), {
  needs: [taxRate, product],
})
await check(
  "taxRates.addProductTypes",
  "tax_rate",
  () => admin.taxRates.addProductTypes(taxRate.id, { product_types: [product.type_id] }),
  { needs: [taxRate, product?.type_id] },
)
await check(
  "taxRates.addShippingOptions",
  "tax_rate",
  () => admin.taxRates.addShippingOptions(taxRate.id, { shipping_options: [option.id] }),
  { needs: [taxRate, option] },
)
await check("taxRates.removeProducts", "tax_rate", () => admin.taxRates.removeProducts(taxRate.id, { products: [product.id] }), {
  needs: [taxRate, product],
})
await check(
  "taxRates.removeProductTypes",
  "tax_rate",
  () => admin.taxRates.removeProductTypes(taxRate.id, { product_types: [product.type_id] }),
  { needs: [taxRate, product?.type_id] },
)
await check(
  "taxRates.removeShippingOptions",
  "tax_rate",
  () => admin.taxRates.removeShippingOptions(taxRate.id, { shipping_options: [option.id] }),
  { needs: [taxRate, option] },
)
await check("taxRates.delete", "deleted", () => admin.taxRates.delete(taxRate.id), needT)
await check("shippingOptions.delete", "deleted", () => admin.shippingOptions.delete(option.id), needO)
await check("shippingProfiles.delete", "deleted", () => admin.shippingProfiles.delete(profile.id), needSp)
await check("regions.delete", "deleted", () => admin.regions.delete(region.id), needR)

// return reasons
const reason = (
  await check("returnReasons.create", "return_reason", () =>
    admin.returnReasons.create({ label: `E2E reason ${RUN}`, value: `e2e_${RUN}` }),
  )
)?.return_reason
const needRr = { needs: [reason] }
await check("returnReasons.retrieve", "return_reason", () => admin.returnReasons.retrieve(reason.id), needRr)
await check("returnReasons.update", "return_reason", () => admin.returnReasons.update(reason.id, { label: `E2E reason ${RUN}!` }), needRr)
await check("returnReasons.list", "return_reasons", () => admin.returnReasons.list())
await check("returnReasons.delete", "deleted", () => admin.returnReasons.delete(reason.id), needRr)

// customers, customer groups, notes
const customer = (
  await check("customers.create", "customer", () =>
    admin.customers.create({
      email: `e2e-customer-${RUN}@example.com`,
      first_name: "Cora",
      last_name: "Client",
      password: "supersecret",
    }),
  )
)?.customer
const needCu = { needs: [customer] }
await check("customers.retrieve", "customer", () => admin.customers.retrieve(customer.id), needCu)
await check("customers.update", "customer", () => admin.customers.update(customer.id, { first_name: "Cordelia" }), needCu)
await check("customers.list", "customers", () => admin.customers.list({ limit: 5 }))

const group = (
  await check("customerGroups.create", "customer_group", () => admin.customerGroups.create({ name: `E2E Group ${RUN}` }))
)?.customer_group
const needG = { needs: [group] }
await check("customerGroups.retrieve", "customer_group", () => admin.customerGroups.retrieve(group.id), needG)
await check("customerGroups.update", "customer_group", () => admin.customerGroups.update(group.id, { name: `E2E Group ${RUN}!` }), needG)
await check("customerGroups.list", "customer_groups", () => admin.customerGroups.list({ limit: 5 }))
await check(
  "customerGroups.addCustomers",
  "customer_group",
  () => admin.customerGroups.addCustomers(group.id, { customer_ids: [{ id: customer.id }] }),
  { needs: [group, customer] },
)
await check("customerGroups.listCustomers", "customers", () => admin.customerGroups.listCustomers(group.id), needG)
await check(
  "customerGroups.removeCustomers",
  "customer_group",
  () => admin.customerGroups.removeCustomers(group.id, { customer_ids: [{ id: customer.id }] }),
  { needs: [group, customer] },
)
await check("customerGroups.delete", "deleted", () => admin.customerGroups.delete(group.id), needG)

const note = (
  await check(
    "notes.create",
    "note",
    () => admin.notes.create({ resource_id: customer.id, resource_type: "customer", value: "made by medusa-js.mjs" }),
    needCu,
  )
)?.note
const needN = { needs: [note] }
await check("notes.retrieve", "note", () => admin.notes.retrieve(note.id), needN)
await check("notes.update", "note", () => admin.notes.update(note.id, { value: "changed by medusa-js.mjs" }), needN)
await check("notes.list", "notes", () => admin.notes.list()) // no query: GET /admin/notes/
await check("notes.delete", "deleted", () => admin.notes.delete(note.id), needN)

// notifications (resend needs one: without any, an unknown id must be answered 404)
const notifications = (await check("notifications.list", "notifications", () => admin.notifications.list({ limit: 5 })))
  ?.notifications
if (notifications?.length) {
  await check("notifications.resend", "notification", () => admin.notifications.resend(notifications[0].id, {}))
} else {
  await check("notifications.resend", null, () => admin.notifications.resend(`noti_e2e_${RUN}`, {}), { expect: 404 })
}

// uploads (multipart: see fetchAdapter)
const file = (name) => new File([`e2e upload ${RUN}\n`], name, { type: "text/csv" })
const uploaded = (await check("uploads.create", "uploads", () => uploader.admin.uploads.create(file(`e2e-${RUN}.csv`))))
  ?.uploads?.[0]
const uploadedProtected = (
  await check("uploads.createProtected", "uploads", () => uploader.admin.uploads.createProtected(file(`e2e-p-${RUN}.csv`)))
)?.uploads?.[0]
await check(
  "uploads.getPresignedDownloadUrl",
  "download_url",
  () => admin.uploads.getPresignedDownloadUrl({ file_key: uploadedProtected.key }),
  { needs: [uploadedProtected?.key] },
)
await check("uploads.delete", "deleted", () => admin.uploads.delete({ file_key: uploaded.key }), { needs: [uploaded?.key] })
if (uploadedProtected?.key) await admin.uploads.delete({ file_key: uploadedProtected.key }).catch(() => {})

// the product goes last (the groups above use it), then the session
await check("products.deleteVariant", "deleted", () => admin.products.deleteVariant(product.id, variantM.id), {
  needs: [product, variantM],
})
await check("products.deleteOption", "deleted", () => admin.products.deleteOption(product.id, colorOpt.id), {
  needs: [product, colorOpt],
})
await check("products.delete", "deleted", () => admin.products.delete(product.id), needP)
await check("auth.deleteSession", null, () => anonymous.admin.auth.deleteSession({ Cookie: cookie }), { needs: [session] })

// ---------------------------------------------------------------------------------------------

const passed = results.filter((r) => r.ok).length
const failed = results.length - passed
const groups = new Map() // resource -> passed methods, in call order
for (const r of results.filter((r) => r.ok)) {
  const [resource, method] = r.name.split(".")
  groups.set(resource, [...(groups.get(resource) || []), method + (r.detail ? ` (${r.detail})` : "")])
}
for (const [resource, methods] of groups) console.log(`PASS ${resource}: ${methods.join(", ")}`)
for (const r of results) {
  if (!r.ok) console.log(`FAIL ${r.name}: ${r.detail}`)
}
const notRun = results.filter((r) => r.skipped).length
if (notRun) console.log(`(${notRun} of the failed were not run: a call they need failed)`)
if (env.E2E_OUT) {
  mkdirSync(env.E2E_OUT, { recursive: true })
  writeFileSync(join(env.E2E_OUT, "medusa-js.json"), JSON.stringify({ backend: BASE, results }, null, 2))
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
