"""Helpers for the browser tests: what the browser did, accessibility, screenshots, keys."""

import re
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

SCREENSHOTS_DIR = Path(__file__).resolve().parents[2] / "screenshots"

# WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

STAFF_PASSWORD = "a long test password 123"

DESKTOP_WIDTH = 1280
PHONE_WIDTH = 375
PHONE_HEIGHT = 740
# Browser context arguments for a phone: its screen, touch, and the mobile viewport rules.
PHONE = {
    "viewport": {"width": PHONE_WIDTH, "height": PHONE_HEIGHT},
    "is_mobile": True,
    "has_touch": True,
}

SAFETY_QUESTION = "Are you, or the person you are asking about, safe right now?"
MORE_DETAILS = "More details (optional)"

REFERENCE = re.compile(r"Your reference is ([A-Z2-9]{8})\.")

# How Chromium reports a blocked <style> element.
AXE_INLINE_STYLE_MESSAGE = "Applying inline style violates"

# Schemes that never reach the network.
LOCAL_SCHEMES = {"data", "blob", "about"}

# Injected before any page script (and not subject to the page's CSP): reports every CSP
# violation the page raises to the test through an exposed binding.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", function (event) {
  window.__reportCspViolation(
    event.effectiveDirective,
    event.blockedURI,
    event.sourceFile + ":" + event.lineNumber,
    event.sample || ""
  );
}, true);
"""


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class BrowserWatch:
    """Records what every watched browser context does and lists what breaks the rules:
    a request to any host but the live server's, a same-origin subresource answered with
    an error (or not answered), a Content Security Policy violation, an uncaught script
    error."""

    def __init__(self, server_url):
        self.origin = origin_of(server_url)
        self.requests = []
        self.problems = []
        self._reported = 0
        self._axe_running = False

    def attach(self, context):
        context.on("request", self._on_request)
        context.on("response", self._on_response)
        context.on("requestfailed", self._on_request_failed)
        context.on("console", self._on_console)
        context.on("weberror", self._on_web_error)
        context.expose_binding("__reportCspViolation", self._on_csp_violation)
        context.add_init_script(CSP_LISTENER)

    def _on_request(self, request):
        self.requests.append(request.url)
        scheme = urlsplit(request.url).scheme
        if scheme not in LOCAL_SCHEMES and origin_of(request.url) != self.origin:
            self.problems.append(
                f"privacy: {request.resource_type} request to another host: {request.url}"
            )

    def _on_response(self, response):
        request = response.request
        if (
            request.resource_type != "document"
            and origin_of(response.url) == self.origin
            and response.status >= 400
        ):
            self.problems.append(
                f"subresource: HTTP {response.status} for {request.resource_type} "
                f"{response.url} (page {response.frame.url})"
            )

    def _on_request_failed(self, request):
        # ERR_ABORTED: the page moved on (a navigation) before the file arrived.
        if (
            request.resource_type != "document"
            and origin_of(request.url) == self.origin
            and request.failure != "net::ERR_ABORTED"
        ):
            self.problems.append(
                f"subresource: {request.resource_type} {request.url} failed: {request.failure}"
            )

    def _on_console(self, message):
        # Chromium logs every CSP violation, also with JavaScript off (no event then).
        if "Content Security Policy" in message.text:
            if self._axe_running and message.text.startswith(AXE_INLINE_STYLE_MESSAGE):
                return
            self.problems.append(f"CSP (console) on {message.page.url}: {message.text}")

    def _on_csp_violation(self, source, directive, blocked, location, sample):
        if self._axe_running and (directive, blocked) == ("style-src-elem", "inline"):
            return
        self.problems.append(
            f"CSP (event) on {source['page'].url}: {directive} blocked {blocked!r} "
            f"at {location} {sample!r}"
        )

    @contextmanager
    def tolerating_axe(self, page):
        """While axe-core runs, the <style> elements it adds itself on some pages (the
        CSP blocks them, which does not change its results) are not the site's fault."""
        self._axe_running = True
        try:
            yield
            # Let the page deliver the violation reports queued during the run.
            page.evaluate("() => new Promise(resolve => setTimeout(resolve, 0))")
        finally:
            self._axe_running = False

    def _on_web_error(self, error):
        page_url = error.page.url if error.page else "?"
        self.problems.append(f"script error on {page_url}: {error.error}")

    def assert_clean(self):
        """Fail with every problem not reported yet."""
        new = self.problems[self._reported :]
        self._reported = len(self.problems)
        assert not new, "The browser saw problems:\n" + "\n".join(f"- {p}" for p in new)


class AxeChecker:
    """axe-core's WCAG 2.x A and AA rules, run in the page through page.evaluate (which
    the page's CSP allows)."""

    def __init__(self, engine, watch):
        self.engine = engine
        self.watch = watch

    def report(self, page):
        """A readable report of the violations on the page, or ""."""
        with self.watch.tolerating_axe(page):
            results = self.engine.run(
                page,
                options={
                    "runOnly": {"type": "tag", "values": AXE_TAGS},
                    "resultTypes": ["violations"],
                },
            )
        if results.violations_count == 0:
            return ""
        return f"{page.url}\n{results.generate_report()}"

    def assert_accessible(self, page):
        report = self.report(page)
        assert report == "", report


def save_screenshots(page, name):
    """Full-page screenshots of the current page at desktop and phone widths."""
    original = page.viewport_size
    SCREENSHOTS_DIR.mkdir(exist_ok=True)
    for label, width in (("desktop", DESKTOP_WIDTH), ("phone", PHONE_WIDTH)):
        page.set_viewport_size({"width": width, "height": 800})
        page.screenshot(path=SCREENSHOTS_DIR / f"{name}-{label}.png", full_page=True)
    page.set_viewport_size(original)


def sitemap_paths(page, base_url):
    """The paths the sitemap lists (its addresses are on SITE_URL, not the live server)."""
    response = page.request.get(f"{base_url}/sitemap.xml")
    assert response.ok, f"/sitemap.xml answered {response.status}"
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.fromstring(response.body())  # noqa: S314 - our own server's XML
    paths = [urlsplit(loc.text.strip()).path for loc in root.iterfind("s:url/s:loc", namespace)]
    assert "/" in paths, f"the sitemap does not list the home page: {paths}"
    return paths


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, key="Tab", max_presses=60):
    """Press Tab (or Shift+Tab) until `locator` has the focus, as a keyboard user would,
    and check that the focus can be seen there."""
    for _ in range(max_presses):
        if is_focused(locator):
            assert focus_is_visible(locator), f"{locator} has the focus but shows no outline"
            return
        page.keyboard.press(key)
    raise AssertionError(f"{locator} never received focus after {max_presses} {key} presses")


def focus_is_visible(locator):
    """Whether the element draws a focus indicator (an outline or a box shadow)."""
    return locator.evaluate(
        """element => {
            const style = getComputedStyle(element);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
            return outline || style.boxShadow !== "none";
        }"""
    )


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than the viewport (0 = no sideways scroll)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def reference_on(page):
    """The inquiry reference the confirmation page shows."""
    text = page.get_by_text("Your reference is").inner_text()
    match = REFERENCE.search(" ".join(text.split()))
    assert match, f"no reference in {text!r}"
    return match.group(1)


def more_details(page):
    """The summary line of the inquiry form's folded "More details (optional)" group: a
    <summary> has no ARIA role, so a person finds it by its text."""
    return page.get_by_text(MORE_DETAILS, exact=True)


def radio(page, group, option):
    """The radio button `option` in the group of radios whose legend is `group`."""
    return page.get_by_role("group", name=group).get_by_role("radio", name=option, exact=True)


def log_in(page, base_url, username, password=STAFF_PASSWORD):
    """Sign in to the staff admin through its login form; lands on the admin index."""
    from django.conf import settings

    page.goto(f"{base_url}/{settings.ADMIN_PATH}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
