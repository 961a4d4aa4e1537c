// Drives Medusa's own v1 admin dashboard (@medusajs/admin 7.1.x, built standalone) in headless
// Chromium against an admin API, and fails on any request to that API answering >= 400 or
// failing (CORS, network), on console errors and on uncaught page errors.
// Run by admin-dashboard.sh, which builds and serves the dashboard and starts our server.
//
// env: E2E_ADMIN_URL     where the dashboard is served, with its base path (http://localhost:9311/app)
//      E2E_BACKEND_URL   the admin API the dashboard was built for (http://localhost:9310)
//      E2E_CLIENTS_DIR   the npm folder holding puppeteer-core
//      E2E_OUT           screenshots (NN-page.png) and report.json
//      E2E_EMAIL / E2E_PASSWORD   the admin login (admin@medusa-test.com / supersecret)
//      E2E_ANSWER_CONSENT=1       answer the dashboard's analytics consent question (opt out),
//                                 which writes an analytics config for the user; 0 leaves it open
//      E2E_SETUP_CREATE=1         create a customer, a price list, a discount and an order (a paid
//                                 draft order) when the store has none, then drive the create
//                                 forms, import/export and inventory steps (dashboard-flows.mjs)
//                                 (0: only read, e.g. against a shared reference server)
//      E2E_ONLY          comma-separated step names: run only these (and the login)
//      E2E_DEBUG=1       also screenshots inside the flow steps (debug-NN-*.png)
//      CHROMIUM          the browser (/usr/bin/chromium)
//      E2E_TIMEOUT_MS    how long a page may take to show its content (20000)
//      E2E_DEADLINE_MS   how long the whole drive may take before it is reported as failed
//                        with what it saw so far (540000): a hung browser never hangs CI
import { createRequire } from "node:module"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { flowPages } from "./dashboard-flows.mjs"
import { downloadUrls, makeUi, pathOf, sleep } from "./dashboard-ui.mjs"

const env = process.env
const ADMIN_URL = (env.E2E_ADMIN_URL || "http://localhost:9311/app").replace(/\/+$/, "")
const BACKEND = (env.E2E_BACKEND_URL || "http://localhost:9310").replace(/\/+$/, "")
const OUT = env.E2E_OUT || join(env.HOME || "/tmp", ".cache/medusa-e2e/out")
const EMAIL = env.E2E_EMAIL || "admin@medusa-test.com"
const PASSWORD = env.E2E_PASSWORD || "supersecret"
const ANSWER_CONSENT = (env.E2E_ANSWER_CONSENT ?? "1") === "1"
const CHROMIUM = env.CHROMIUM || "/usr/bin/chromium"
const TIMEOUT = Number(env.E2E_TIMEOUT_MS || 20000)
const DEADLINE = Number(env.E2E_DEADLINE_MS || 540000)
const CREATE = (env.E2E_SETUP_CREATE ?? "1") === "1"
const ONLY = (env.E2E_ONLY || "").split(",").filter(Boolean)
const require = createRequire(join(env.E2E_CLIENTS_DIR || ".", "package.json"))
const puppeteer = require("puppeteer-core")

// Answers the dashboard asks for on purpose and that are not faults. Each entry says why.
// Anything matched here is still printed (as "allowed"), never silently dropped.
const ALLOWED = [
  {
    // Medusa answers 404 {"type":"not_found","message":"No analytics config found for user
    // with id: ..."} for an admin who has not answered the analytics consent yet; the
    // dashboard asks for this on purpose and then shows the consent question. A missing
    // route (a different body) is not allowed.
    method: "GET",
    path: /^\/admin\/analytics-configs\/?$/,
    status: 404,
    body: /No analytics config found for user/,
    why: "no analytics consent recorded yet for this admin (Medusa's own 404)",
  },
  {
    // Before POST /admin/auth succeeds there is no session, so every admin route answers
    // 401; the dashboard's providers ask anyway when the login page opens (GET /admin/auth to
    // learn whether a session exists, which is how it decides to show the form; GET
    // /admin/store/ for the feature flags; GET /admin/batch-jobs, its polling).
    method: "GET",
    path: /^\/admin\//,
    status: 401,
    page: "login",
    phase: "before-login",
    why: "not logged in yet (the login page's own probes)",
  },
]

// ---------------------------------------------------------------------------------------------
// Setup through the API (from Node, not the browser): ids and names for the pages to open and
// look for.

async function api(method, path, token, body) {
  const res = await fetch(BACKEND + path, {
    method,
    headers: {
      accept: "application/json",
      ...(body ? { "content-type": "application/json" } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(TIMEOUT),
  })
  const text = await res.text()
  let json = null
  try {
    json = JSON.parse(text)
  } catch {}
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text.slice(0, 300)}`)
  return json
}

async function setup() {
  const { access_token: token } = await api("POST", "/admin/auth/token", null, {
    email: EMAIL,
    password: PASSWORD,
  })
  const data = {}
  // The first product of the dashboard's own list (which leaves gift cards out).
  const { products } = await api("GET", "/admin/products?limit=1&is_giftcard=false&fields=id,title", token)
  if (products[0]) Object.assign(data, { productId: products[0].id, productTitle: products[0].title })
  // A customer and a price list for the pages that show them: the first existing ones, or
  // (with E2E_SETUP_CREATE=1, the default) made here when the store has none.
  const { customers } = await api("GET", "/admin/customers?limit=1", token)
  let customer = customers[0]
  if (!customer && CREATE) {
    ;({ customer } = await api("POST", "/admin/customers", token, {
      email: "e2e-dashboard@example.com",
      first_name: "Erin",
      last_name: "Endtoend",
      password: "supersecret",
    }))
  }
  if (customer) Object.assign(data, { customerId: customer.id, customerEmail: customer.email })
  const { price_lists } = await api("GET", "/admin/price-lists?limit=1", token)
  let priceList = price_lists[0]
  if (!priceList && CREATE) {
    ;({ price_list: priceList } = await api("POST", "/admin/price-lists", token, {
      name: "E2E price list",
      description: "made by scripts/e2e/dashboard.mjs",
      type: "sale",
      prices: [],
    }))
  }
  if (priceList) Object.assign(data, { priceListId: priceList.id, priceListName: priceList.name })
  const { collections } = await api("GET", "/admin/collections?limit=1", token)
  if (collections[0]) Object.assign(data, { collectionTitle: collections[0].title })
  const { regions } = await api("GET", "/admin/regions?limit=1&expand=countries", token)
  if (regions[0]) {
    Object.assign(data, { regionName: regions[0].name, countryName: regions[0].countries?.[0]?.display_name })
    const option = await plainShippingOption(token, regions[0].id)
    if (option) data.shippingOptionName = option.name
  }
  // A discount, and an order placed through a paid draft order (the way a merchant takes a
  // phone order), when the store has none.
  const { discounts } = await api("GET", "/admin/discounts?limit=1", token)
  let discount = discounts[0]
  if (!discount && CREATE && regions[0]) {
    ;({ discount } = await api("POST", "/admin/discounts", token, {
      code: "E2E10",
      rule: { type: "percentage", value: 10, allocation: "total", description: "e2e" },
      regions: [regions[0].id],
    }))
  }
  if (discount) Object.assign(data, { discountId: discount.id, discountCode: discount.code })
  const { orders } = await api("GET", "/admin/orders?limit=1&fields=id,display_id", token)
  let order = orders[0]
  if (!order && CREATE && regions[0]) order = await placeOrder(token, regions[0].id)
  if (order) Object.assign(data, { orderId: order.id, orderDisplayId: `#${order.display_id}` })
  const { draft_orders: drafts } = await api("GET", "/admin/draft-orders?limit=1", token)
  if (drafts[0]) Object.assign(data, { draftId: drafts[0].id, draftDisplayId: `#${drafts[0].display_id}` })
  apiToken = token
  return data
}

let apiToken = null // the setup's token, for the flow steps' own API calls

// A shipping option of the region whose requirements (a minimum or maximum subtotal) one item
// cannot miss.
async function plainShippingOption(token, regionId) {
  const { shipping_options: options } = await api(
    "GET",
    `/admin/shipping-options?region_id=${regionId}&is_return=false`,
    token,
  )
  return options.find((o) => !(o.requirements || []).length) || null
}

// An order from a draft: a variant of the store's first product, a shipping option of the
// region, paid through the draft-order `pay` route.
async function placeOrder(token, regionId) {
  const { products } = await api("GET", "/admin/products?limit=1&is_giftcard=false&expand=variants", token)
  const variant = products[0]?.variants?.[0]
  const option = await plainShippingOption(token, regionId)
  if (!variant || !option) return null
  const { draft_order: draft } = await api("POST", "/admin/draft-orders", token, {
    email: "e2e-order@example.com",
    region_id: regionId,
    items: [{ variant_id: variant.id, quantity: 1 }],
    shipping_methods: [{ option_id: option.id }],
  })
  const { order } = await api("POST", `/admin/draft-orders/${draft.id}/pay`, token)
  return order
}

// ---------------------------------------------------------------------------------------------
// The browser.

const isBackend = (url) => url.startsWith(BACKEND + "/")

let current = "setup" // the page being checked; every event is filed under it
let phase = "" // "before-login" until POST /admin/auth succeeds
const events = [] // { page, kind: "http"|"network"|"console"|"pageerror", ... }
const allowed = []
const inflight = new Set()
const sentIn = new WeakMap() // request -> the phase it was sent in
const thirdParty = [] // failed requests to other hosts (not counted)
const pendingBodies = [] // bodies of failed answers still being read
const notes = [] // { page, text }: printed, not counted
const ADMIN_ORIGIN = new URL(ADMIN_URL).origin

function allowedBy(e) {
  return ALLOWED.find(
    (a) =>
      a.method === e.method &&
      a.path.test(pathOf(e.url)) &&
      a.status === e.status &&
      (!a.page || a.page === e.page) &&
      (!a.phase || a.phase === e.phase) &&
      (!a.body || a.body.test(e.body || "")),
  )
}

function watch(page) {
  page.on("request", (req) => {
    if (!isBackend(req.url())) return
    inflight.add(req)
    sentIn.set(req, phase)
  })
  page.on("requestfinished", (req) => inflight.delete(req))
  page.on("response", async (res) => {
    const req = res.request()
    inflight.delete(req) // answered; the body follows
    // Requests sent from here on carry the session: the login phase ends with its answer
    // (CDP delivers the events in order, so no later request is filed before it).
    if (phase && isBackend(res.url()) && req.method() === "POST" && pathOf(res.url()) === "/admin/auth" && res.ok()) {
      phase = ""
    }
    if (!isBackend(res.url()) || res.status() < 400 || req.method() === "OPTIONS") return
    const e = { page: current, phase: sentIn.get(req), kind: "http", method: req.method(), url: res.url(), status: res.status() }
    events.push(e)
    const read = res.text().then(
      (text) => (e.body = text.slice(0, 500)),
      (err) => (e.body = `(body unavailable: ${err.message})`),
    )
    pendingBodies.push(read)
  })
  page.on("requestfailed", (req) => {
    inflight.delete(req)
    const url = req.url()
    const error = req.failure()?.errorText || "failed"
    // Our server and the dashboard's own files count. Third-party files (product images on
    // S3, flag icons on a CDN) depend on the machine's internet access, not on our server:
    // they are kept in report.json only.
    const mine = isBackend(url) || url.startsWith(ADMIN_ORIGIN + "/")
    if (!mine) return thirdParty.push({ page: current, url, error })
    if (!isBackend(url) && error === "net::ERR_ABORTED") return // a navigation cancelled it
    events.push({ page: current, kind: "network", method: req.method(), url, error })
  })
  page.on("console", (msg) => {
    if (msg.type() !== "error") return
    const loc = msg.location()?.url || ""
    events.push({ page: current, kind: "console", text: msg.text().slice(0, 500), url: loc })
  })
  page.on("pageerror", (err) => {
    events.push({ page: current, kind: "pageerror", text: String(err?.stack || err).slice(0, 800) })
  })
}

// Settles with `promise`, or rejects with `what` after `ms`: no browser call may wait for ever.
function within(ms, what, promise) {
  let timer
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

// Waits until no request to the backend has been in flight for `quiet` ms (or `max` passed).
async function settle(quiet = 800, max = 15000) {
  const start = Date.now()
  let idleSince = Date.now()
  while (Date.now() - start < max) {
    if (inflight.size > 0) idleSince = Date.now()
    else if (Date.now() - idleSince >= quiet) return
    await sleep(100)
  }
  // Not a failure by itself (a slow answer is not a wrong one), but worth seeing.
  notes.push({ page: current, text: `still waiting after ${max / 1000} s for: ${[...inflight].map((r) => `${r.method()} ${pathOf(r.url())}`).join(", ")}` })
}

// Waits until the page shows every text; fails early when the dashboard sends it to the login
// page (no session) and says which texts never showed.
async function waitText(page, texts) {
  const list = (Array.isArray(texts) ? texts : [texts]).filter(Boolean)
  const ok = await page
    .waitForFunction(
      (xs) =>
        location.pathname.endsWith("/login") ||
        xs.every((x) => document.body && document.body.innerText.includes(x)),
      { timeout: TIMEOUT, polling: 250 },
      list,
    )
    .then(() => true, () => false)
  const state = await page.evaluate(
    (xs) => ({
      login: location.pathname.endsWith("/login"),
      missing: xs.filter((x) => !(document.body && document.body.innerText.includes(x))),
    }),
    list,
  )
  if (state.login) throw new Error("the dashboard went to its login page (no session)")
  if (!ok || state.missing.length) {
    throw new Error(`not shown within ${TIMEOUT / 1000} s: ${state.missing.map((x) => JSON.stringify(x)).join(", ")}`)
  }
}

async function answerConsent(page, wait = 4000) {
  // The analytics consent question (a focus modal) shows for an admin without an analytics
  // config. Opting out and submitting it writes one (POST /admin/analytics-configs).
  const hasModal = await page
    .waitForFunction(() => document.body.innerText.includes("Help us get better"), {
      timeout: Math.max(wait, 1),
    })
    .then(() => true)
    .catch(() => false)
  if (!hasModal) return false
  if (!ANSWER_CONSENT) return true
  const posted = page
    .waitForResponse(
      (r) => isBackend(r.url()) && pathOf(r.url()) === "/admin/analytics-configs" && r.request().method() === "POST",
      { timeout: TIMEOUT },
    )
    .catch(() => null)
  await page.evaluate(() => {
    // "Opt out of sharing my usage data" is a heading beside a radix switch
    // (<button role="switch">): switch it on, then press "Continue".
    const title = [...document.querySelectorAll("h2")].find((h) =>
      /Opt out of sharing my usage data/.test(h.textContent || ""),
    )
    let el = title
    while (el && !el.querySelector('button[role="switch"]')) el = el.parentElement
    el?.querySelector('button[role="switch"]')?.click()
  })
  await sleep(200)
  await page.evaluate(() => {
    const btn = [...document.querySelectorAll("button")].find((b) => /^\s*Continue\s*$/.test(b.innerText))
    btn?.click()
  })
  const res = await posted
  if (!res) throw new Error("the analytics consent was answered but no POST /admin/analytics-configs answered")
  if (res.status() >= 400) return true // listed with the failed requests
  await page
    .waitForFunction(() => !document.body.innerText.includes("Help us get better"), { timeout: TIMEOUT })
    .catch(() => {
      throw new Error("the analytics consent question stays open after answering it")
    })
  await settle()
  return true
}

async function run(results) {
  mkdirSync(OUT, { recursive: true })
  let data = {}
  try {
    data = await setup()
    console.log(`setup: ${JSON.stringify(data)}`)
  } catch (err) {
    console.log(`setup FAILED: ${err.message}`)
    events.push({ page: "setup", kind: "setup", text: err.message })
  }

  // The flags keep Chromium off the network it has no business on (updates, sync, QUIC): on a
  // machine with a closed network those connections are refused, many at a time.
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60000,
    protocolTimeout: 60000,
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-gpu",
      "--no-first-run",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
  try {
    const page = await browser.newPage()
    await page.setViewport({ width: 1440, height: 900 })
    page.setDefaultTimeout(TIMEOUT)
    watch(page)

    const pages = [
      {
        name: "login",
        async go() {
          phase = "before-login"
          await page.goto(`${ADMIN_URL}/login`, { waitUntil: "domcontentloaded" })
          await page.waitForSelector('input[name="email"]')
          await settle()
          await page.type('input[name="email"]', EMAIL)
          await page.type('input[name="password"]', PASSWORD)
          const isLogin = (req) => isBackend(req.url()) && pathOf(req.url()) === "/admin/auth" && req.method() === "POST"
          let onFailed
          const login = Promise.race([
            page.waitForResponse((r) => isLogin(r.request()), { timeout: TIMEOUT }),
            new Promise((resolve) => page.on("requestfailed", (onFailed = (req) => isLogin(req) && resolve(null)))),
          ])
          await page.click('button[type="submit"]')
          const res = await login.catch(() => null)
          page.off("requestfailed", onFailed)
          if (!res) throw new Error("POST /admin/auth got no answer (see the failed requests)")
          if (res.status() !== 200) throw new Error(`POST /admin/auth answered ${res.status()}`)
          await page.waitForFunction(() => !location.pathname.endsWith("/login"), { timeout: TIMEOUT })
          await settle()
          await answerConsent(page)
        },
      },
      {
        name: "products",
        path: "/a/products",
        texts: ["Products", data.productTitle],
      },
      {
        name: "product",
        path: data.productId && `/a/products/${data.productId}`,
        texts: [data.productTitle, "Variants"],
      },
      {
        name: "collections",
        path: "/a/products?view=collections",
        texts: ["Collections", data.collectionTitle],
      },
      {
        name: "customers",
        path: "/a/customers",
        texts: ["Customers", data.customerEmail],
      },
      {
        name: "customer",
        path: data.customerId && `/a/customers/${data.customerId}`,
        texts: [data.customerEmail],
      },
      {
        name: "regions",
        path: "/a/settings/regions",
        texts: ["Regions", data.regionName],
      },
      {
        name: "store-details",
        path: "/a/settings/details",
        texts: ["Store Details"],
      },
      {
        name: "pricing",
        path: "/a/pricing",
        texts: ["Price Lists", data.priceListName],
      },
      {
        name: "orders",
        path: "/a/orders",
        texts: ["Orders", data.orderDisplayId],
      },
      {
        name: "order",
        path: data.orderId && `/a/orders/${data.orderId}`,
        texts: [data.orderDisplayId, "Summary"],
      },
      {
        name: "draft-orders",
        path: "/a/draft-orders",
        texts: ["Draft Orders"],
      },
      {
        name: "draft-order",
        path: data.draftId && `/a/draft-orders/${data.draftId}`,
        texts: [data.draftDisplayId, "Summary"],
      },
      {
        name: "discounts",
        path: "/a/discounts",
        texts: ["Discounts", data.discountCode],
      },
      {
        name: "discount",
        path: data.discountId && `/a/discounts/${data.discountId}`,
        texts: [data.discountCode],
      },
      {
        name: "gift-cards",
        path: "/a/gift-cards",
        texts: ["Gift Cards"],
      },
    ]

    if (CREATE) {
      const ui = makeUi({ page, backend: BACKEND, timeout: TIMEOUT, debugDir: env.E2E_DEBUG === "1" ? OUT : null })
      const authed = (method, path, body) => api(method, path, apiToken, body)
      pages.push(
        ...flowPages({ page, ui, data, api: authed, adminUrl: ADMIN_URL, waitText, settle, out: OUT, timeout: TIMEOUT }),
      )
    }
    const chosen = pages.filter((p) => p.name === "login" || !ONLY.length || ONLY.includes(p.name))
    for (const p of chosen) {
      current = p.name
      inflight.clear() // what the previous page left running is not waited for
      const t0 = Date.now()
      let error = null
      try {
        if (p.go) await p.go()
        else if (!p.path) throw new Error("no id for this page (setup failed)")
        else {
          await page.goto(ADMIN_URL + p.path, { waitUntil: "domcontentloaded" })
          await waitText(page, p.texts)
          await settle()
          // Answered once after the login; shows again only when that answer was not kept.
          await answerConsent(page, 0)
        }
      } catch (err) {
        error = err.message.split("\n")[0]
        await settle(300, 3000)
      }
      try {
        await page.screenshot({ path: join(OUT, `${String(results.length + 1).padStart(2, "0")}-${p.name}.png`), fullPage: true })
      } catch {}
      // The failed answers' bodies are read while their page is still open.
      await within(5000, "reading the failed answers' bodies", Promise.allSettled(pendingBodies)).catch(() => {})
      results.push({ name: p.name, error, ms: Date.now() - t0 })
    }
  } finally {
    await within(10000, "reading the failed answers' bodies", Promise.allSettled(pendingBodies)).catch(() => {})
    await within(10000, "closing Chromium", browser.close()).catch(() => browser.process()?.kill("SIGKILL"))
  }
  return results
}

// ---------------------------------------------------------------------------------------------
// The report.

function describe(e) {
  switch (e.kind) {
    case "http":
      return `${e.method} ${pathOf(e.url)}${new URL(e.url).search} -> ${e.status} ${e.body ?? ""}`.trim()
    case "network":
      return `${e.method} ${e.url} -> request failed (${e.error})`
    case "console":
      return `console error: ${e.text}${e.url ? ` [${e.url}]` : ""}`
    case "pageerror":
      return `uncaught page error: ${e.text}`
    default:
      return `${e.kind}: ${e.text}`
  }
}

// A drive that outlives its deadline is a failure reported with what it saw so far.
const partial = []
const results = await within(DEADLINE, "the whole drive", run(partial)).catch((err) => {
  events.push({ page: "setup", kind: "deadline", text: `${err.message}; pages done: ${partial.map((r) => r.name).join(", ") || "none"}` })
  return partial
})
let passed = 0
let failed = 0
const report = []
for (const r of results) {
  const mine = events.filter((e) => e.page === r.name)
  const problems = []
  // Chromium also logs each failed response as a console error ("Failed to load resource: the
  // server responded with a status of 404"): that line adds nothing to the request listed
  // (or allowed) already, so it is dropped. Other console errors (a CORS refusal says why) stay.
  const reported = new Set([
    ...mine.filter((e) => e.kind === "http" || e.kind === "network").map((e) => e.url),
    ...thirdParty.map((t) => t.url),
  ])
  for (const e of mine) {
    if (e.kind === "console" && /^Failed to load resource/.test(e.text) && reported.has(e.url)) continue
    if (e.kind === "network" && e.error === "net::ERR_ABORTED" && downloadUrls.has(e.url)) continue // saved as a file
    const rule = e.kind === "http" && allowedBy(e)
    if (rule) allowed.push({ page: r.name, what: describe(e), why: rule.why })
    else problems.push(describe(e))
  }
  if (r.error) problems.unshift(`page check: ${r.error}`)
  if (problems.length === 0) {
    passed++
    console.log(`PASS ${r.name} (${(r.ms / 1000).toFixed(1)} s)`)
  } else {
    failed++
    console.log(`FAIL ${r.name} (${(r.ms / 1000).toFixed(1)} s)`)
    for (const p of [...new Set(problems)]) console.log(`     - ${p}`)
  }
  for (const n of notes.filter((n) => n.page === r.name)) console.log(`     note: ${n.text}`)
  report.push({ page: r.name, ok: problems.length === 0, problems, ms: r.ms })
}
const setupProblems = events.filter((e) => e.page === "setup").map(describe)
if (setupProblems.length) {
  failed++
  console.log("FAIL setup")
  for (const p of setupProblems) console.log(`     - ${p}`)
}
if (allowed.length) {
  console.log("allowed (answers the dashboard asks for on purpose; not counted):")
  const byWhat = new Map()
  for (const a of allowed) {
    const k = `${a.what}  -- ${a.why}`
    byWhat.set(k, [...new Set([...(byWhat.get(k) || []), a.page])])
  }
  for (const [k, pages] of byWhat) console.log(`     - [${pages.join(", ")}] ${k}`)
}
if (thirdParty.length) {
  const hosts = [...new Set(thirdParty.map((t) => new URL(t.url).host))]
  console.log(`not counted: ${thirdParty.length} failed request(s) to other hosts (${hosts.join(", ")}), see report.json`)
}
writeFileSync(join(OUT, "report.json"), JSON.stringify({ backend: BACKEND, admin: ADMIN_URL, report, allowed, events, notes, thirdParty }, null, 2))
console.log(`screenshots and report.json in ${OUT}`)
if (env.E2E_STARTED) console.log(`took ${Math.round(Date.now() / 1000 - Number(env.E2E_STARTED))} s in all`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
