#!/usr/bin/python3
"""A WebKitGTK browser for WebDriver, as Safari is to its users: one window,
with a profile on disk (an HTTP cache, storage, a service worker's caches),
fresh for each run and removed after it.

WebKitWebDriver starts it (tests/engines/smoke.mjs). Debian's MiniBrowser
would do, but under automation it browses ephemerally, with no HTTP cache at
all, so it measures a browser no person uses: every file a service worker
keeps comes down twice there, as it would in private browsing.
"""
import shutil
import signal
import tempfile

import gi

gi.require_version('Gtk', '3.0')
gi.require_version('WebKit2', '4.1')
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

profile = tempfile.mkdtemp(prefix='waymark-webkit-')
context = WebKit2.WebContext(
    website_data_manager=WebKit2.WebsiteDataManager(
        base_data_directory=f'{profile}/data', base_cache_directory=f'{profile}/cache'
    )
)
context.set_cache_model(WebKit2.CacheModel.WEB_BROWSER)
context.set_automation_allowed(True)


def new_window(_session):
    view = WebKit2.WebView(web_context=context, is_controlled_by_automation=True)
    window = Gtk.Window()
    window.set_default_size(1024, 768)
    window.add(view)
    window.show_all()
    view.connect('close', lambda _view: window.destroy())
    return view


def automation_started(_context, session):
    about = WebKit2.ApplicationInfo()
    about.set_name('WaymarkWebKit')
    about.set_version(WebKit2.get_major_version(), WebKit2.get_minor_version(), WebKit2.get_micro_version())
    session.set_application_info(about)
    session.connect('create-web-view', new_window)


context.connect('automation-started', automation_started)
for ending in (signal.SIGTERM, signal.SIGINT):
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, ending, Gtk.main_quit)
try:
    Gtk.main()
finally:
    shutil.rmtree(profile, ignore_errors=True)
