// The dashboard's controls, driven as a merchant drives them: find by the text a person
// reads, click with the mouse, type with the keyboard. Used by dashboard-flows.mjs.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

export const pathOf = (url) => {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}

export function makeUi({ page, backend, timeout, debugDir }) {
  const isBackend = (url) => url.startsWith(backend + "/")
  let shots = 0

  // With E2E_DEBUG=1 (debugDir set), a screenshot of the page at this point of a step.
  async function shot(what) {
    if (!debugDir) return
    await page.screenshot({ path: join(debugDir, `debug-${String(++shots).padStart(2, "0")}-${what}.png`)}).catch(() => {})
  }

  // The visible, enabled element matching `selector` whose text is `text` (after trimming; or
  // matching a RegExp). Modals render at the end of the body, so the last match is taken
  // unless `first` says otherwise. Waits until there is one.
  async function find(selector, text, { first = false } = {}) {
    const isRe = text instanceof RegExp
    const handle = await page
      .waitForFunction(
        (sel, t, re, takeFirst) => {
          const match = re ? new RegExp(t) : null
          const shown = [...document.querySelectorAll(sel)].filter((el) => {
            const r = el.getBoundingClientRect()
            return r.width > 0 && r.height > 0 && !el.disabled
          })
          const hits = shown.filter((el) => {
            const s = (el.innerText || el.value || "").trim()
            return match ? match.test(s) : s === t
          })
          return (takeFirst ? hits[0] : hits[hits.length - 1]) || null
        },
        { timeout, polling: 200 },
        selector,
        isRe ? text.source : text,
        isRe,
        first,
      )
      .catch(() => null)
    const el = handle?.asElement()
    if (!el) throw new Error(`no enabled ${selector} showing ${text} within ${timeout / 1000} s`)
    return el
  }

  async function click(selector, text, opts) {
    const el = await find(selector, text, opts)
    await el.click()
    await sleep(150)
  }

  // Types `value` into the field `selector` names, replacing what it held.
  async function fill(selector, value) {
    const el = await page.waitForSelector(selector, { visible: true, timeout })
    await el.click({ clickCount: 3 })
    await page.keyboard.press("Backspace")
    await el.type(String(value))
  }

  // The input of the field whose label reads `label` (a trailing "*" of a required field aside).
  async function inputByLabel(label) {
    const handle = await page
      .waitForFunction(
        (text) => {
          const norm = (s) => (s || "").replace(/\*/g, "").trim()
          const labels = [...document.querySelectorAll("label, span, div, p")].filter(
            (el) => norm(el.innerText) === text && ![...el.children].some((c) => norm(c.innerText) === text),
          )
          for (const l of labels.reverse()) {
            let el = l
            while (el && !el.querySelector("input, textarea")) el = el.parentElement
            const input = el?.querySelector("input:not([type=hidden]), textarea")
            if (input) return input
          }
          return null
        },
        { timeout, polling: 200 },
        label,
      )
      .catch(() => null)
    const el = handle?.asElement()
    if (!el) throw new Error(`no field labelled ${JSON.stringify(label)} within ${timeout / 1000} s`)
    return el
  }

  // Picks `option` in the react-select dropdown labelled `label`: open it with the mouse, then
  // type to search and press Enter, or click the option when it does not search.
  async function choose(label, option) {
    const input = await inputByLabel(label)
    const control = await input.evaluateHandle((el) => el.closest('[class*="control"]') || el.parentElement)
    await control.asElement().click()
    const searchable = await input.evaluate((el) => !el.readOnly && el.getAttribute("inputmode") !== "none")
    if (searchable) await page.keyboard.type(option)
    await shot(`choose-${label.replace(/\W+/g, "-")}`)
    const wanted = new RegExp(`^${escapeRe(option)}`)
    if (!searchable) return click('[id*="-option-"]', wanted, { first: true })
    // Typing narrowed the list and focused its first option; Enter takes it.
    await find('[id*="-option-"]', wanted, { first: true })
    await page.keyboard.press("Enter")
    await sleep(150)
    // A multi-select keeps its menu open over the fields below it: close it (only then, as
    // Escape with the menu closed would close the modal around it).
    if (await page.$('[id*="-option-"]')) await page.keyboard.press("Escape")
    await sleep(100)
  }

  // Runs `action` and waits for the answer to the request it sends (method + path); fails on
  // an answer >= 400. Returns the answer's JSON and the request's body.
  async function expectCall(method, path, action) {
    const answered = page.waitForResponse(
      (r) => isBackend(r.url()) && r.request().method() === method && path.test(pathOf(r.url())),
      { timeout },
    )
    answered.catch(() => {})
    await action()
    const res = await answered.catch(() => null)
    if (!res) throw new Error(`the form sent no ${method} ${path} within ${timeout / 1000} s`)
    if (res.status() >= 400) throw new Error(`${method} ${pathOf(res.url())} answered ${res.status()}`)
    const body = await res.json().catch(() => null)
    let sent = null
    try {
      sent = JSON.parse(res.request().postData() || "null")
    } catch {}
    return { body, sent, path: pathOf(res.url()) }
  }

  // Waits until the page's text matches `re`.
  async function waitMatch(re) {
    const ok = await page
      .waitForFunction((src) => new RegExp(src).test(document.body?.innerText || ""), { timeout, polling: 250 }, re.source)
      .then(() => true, () => false)
    if (!ok) throw new Error(`not shown within ${timeout / 1000} s: ${re}`)
  }

  // Waits until `selector` (e.g. a modal's heading text) is gone from the page's text.
  async function waitGone(text) {
    const ok = await page
      .waitForFunction((t) => !(document.body?.innerText || "").includes(t), { timeout, polling: 250 }, text)
      .then(() => true, () => false)
    if (!ok) throw new Error(`still shown after ${timeout / 1000} s: ${JSON.stringify(text)}`)
  }

  // Waits until the dashboard shows the page `path` (after its base path); says where it is
  // instead when it does not.
  async function waitPath(path) {
    const ok = await page
      .waitForFunction((p) => location.pathname.endsWith(p), { timeout, polling: 200 }, path)
      .then(() => true, () => false)
    if (!ok) throw new Error(`expected the page ${path}, the dashboard shows ${pathOf(page.url())}`)
  }

  // Clicks the element showing `text` and waits for the page `path`. A list that refetches
  // after a modal closes re-renders its rows; a click that lands on a row being replaced is
  // lost, so one more click is given to the fresh row before giving up.
  async function clickTo(selector, text, path, opts) {
    await click(selector, text, opts)
    const arrived = () =>
      page
        .waitForFunction((p) => location.pathname.endsWith(p), { timeout: 5000, polling: 200 }, path)
        .then(() => true, () => false)
    if (await arrived()) return
    await click(selector, text, opts)
    await waitPath(path)
  }

  // The topbar's bell opens the activity drawer (batch jobs, their downloads).
  async function openActivity() {
    const bell = await page.waitForFunction(
      () => {
        const bar = document.querySelector('[class*="min-h-topbar"]')
        const buttons = bar ? [...bar.querySelectorAll("button")] : []
        return buttons[buttons.length - 1] || null
      },
      { timeout, polling: 200 },
    )
    await bell.asElement().click()
    await sleep(300)
  }

  return { shot, waitPath, isBackend, find, click, clickTo, fill, inputByLabel, choose, expectCall, waitMatch, waitGone, openActivity }
}

export const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

// The URLs that Chromium saved as files. Opening one is a navigation that Chromium turns into
// a download, and that navigation's request then ends as net::ERR_ABORTED by design: the
// report does not count those.
export const downloadUrls = new Set()

// Lets Chromium save downloads into `dir` (headless denies them otherwise).
export async function allowDownloads(page, dir) {
  const cdp = await page.target().createCDPSession()
  await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: dir, eventsEnabled: true })
}

// The text of the first file that shows up complete in `dir` and is not in `before`.
export async function downloaded(dir, before, timeout) {
  const start = Date.now()
  while (Date.now() - start < timeout) {
    const names = existsSync(dir) ? readdirSync(dir) : []
    const done = names.find((n) => !before.has(n) && !n.endsWith(".crdownload"))
    if (done) return { name: done, text: readFileSync(join(dir, done), "utf8") }
    await sleep(250)
  }
  return null
}
