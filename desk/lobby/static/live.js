/* A live stream from the desk that survives a desk restart or a Wi-Fi drop.
   EventSource reconnects by itself after an error; a watchdog also reopens the stream when
   nothing (not even the desk's 2-second tick) has arrived for 6 seconds, which is how a
   pulled cable looks. `url()` is asked again at each reconnect, so the page can say which
   call it saw last and get every call it missed. */
"use strict";
window.DeskLive = function (url, handlers, offline) {
  var es = null;
  var last = Date.now();
  var offset = 0;  // desk clock minus this device's clock, in ms
  var synced = [];  // called when the desk's clock arrives
  var hasTime = false;  // this device's own clock is never shown: it may be wrong

  function seen() {
    last = Date.now();
    if (offline) offline.hidden = true;
  }
  function open() {
    if (es) es.close();
    last = Date.now();
    es = new EventSource(url());
    Object.keys(handlers).forEach(function (name) {
      es.addEventListener(name, function (e) {
        seen();
        var data = JSON.parse(e.data);
        if (data && data.now) {
          offset = Date.parse(data.now) - Date.now();
          hasTime = true;
          synced.forEach(function (f) { f(); });
        }
        handlers[name](data);
      });
    });
    es.onerror = function () {
      if (offline) offline.hidden = false;
      if (es.readyState === EventSource.CLOSED) setTimeout(open, 1000);
    };
  }
  setInterval(function () {
    if (Date.now() - last > 6000) {
      if (offline) offline.hidden = false;
      open();
    }
  }, 1000);
  open();
  return {
    now: function () { return new Date(Date.now() + offset); },
    onSync: function (f) { synced.push(f); },
    hasTime: function () { return hasTime; },
    reopen: open
  };
};

window.DeskClock = function (el, live, tz, timeOnly) {
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    // the desk's clock, shown in the office's time zone
    if (!live.hasTime()) return;
    var d = live.now();
    var s = d.toLocaleString("en-GB", { timeZone: tz, hour12: false, year: "numeric",
      month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    var m = /(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)/.exec(s);
    var time = m ? m[4] + ":" + m[5] + ":" + m[6] : pad(d.getHours()) + ":" + pad(d.getMinutes());
    el.textContent = m && !timeOnly ? time + "  " + m[1] + "/" + m[2] + "/" + m[3] : time;
  }
  tick();
  live.onSync(tick);
  setInterval(tick, 1000);
};
