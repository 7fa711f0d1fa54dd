/* The waiting-room TV: shows the state the desk sends, highlights and speaks new calls.
   window.deskCalls and window.deskAudio record what arrived and what was played (tests and
   the office's own checks read them). Keys: M mutes, F goes full screen. */
"use strict";
(function () {
  var body = document.body;
  var $ = function (id) { return document.getElementById(id); };
  var lastSeq = -1;  // -1: nothing seen yet (the desk then sends no backlog to speak)
  var muted = false;
  var fresh = null;
  window.deskCalls = [];
  window.deskAudio = [];
  window.deskAudioDone = 0;

  // ---------------------------------------------------------------- sound
  var AC = window.AudioContext || window.webkitAudioContext;
  var audio = AC ? new AC() : null;
  var buffers = {};
  var chain = Promise.resolve();

  function load(url) {
    if (!buffers[url]) {
      buffers[url] = fetch(url).then(function (r) { return r.arrayBuffer(); })
        .then(function (b) { return audio.decodeAudioData(b); });
    }
    return buffers[url];
  }
  function unlock() {
    if (audio && audio.state !== "running") audio.resume();
    $("sound").hidden = true;
  }
  function playAll(call) {
    return Promise.all(call.clips.map(load)).then(function (bufs) {
      if (audio.state !== "running") {
        $("sound").hidden = false;
        window.deskAudio.push({ seq: call.seq, blocked: true });
        return null;
      }
      var t = audio.currentTime + 0.05;
      var ends = bufs.map(function (b, i) {
        var src = audio.createBufferSource();
        src.buffer = b;
        src.connect(audio.destination);
        src.start(t);
        window.deskAudio.push({ seq: call.seq, clip: call.clips[i].split("/").pop(), at: t });
        t += b.duration + (i === 0 ? 0.25 : 0.02);
        return new Promise(function (res) { src.onended = res; });
      });
      return Promise.all(ends).then(function () { window.deskAudioDone += 1; });
    });
  }
  function speak(call) {
    if (!audio || muted || !call.clips.length) return;
    chain = chain.then(function () { return playAll(call); }).catch(function () {});
  }
  if (audio && audio.state !== "running") $("sound").hidden = false;
  document.addEventListener("click", unlock);
  document.addEventListener("keydown", function (e) {
    unlock();
    if (e.key === "m" || e.key === "M") muted = !muted;
    if ((e.key === "f" || e.key === "F") && document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
    }
  });

  // ---------------------------------------------------------------- showing
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function render(st) {
    if (st.last_seq > lastSeq) lastSeq = st.last_seq;
    $("office").textContent = st.office;
    var cur = st.current;
    $("number").textContent = cur ? cur.label : "";
    $("counter").textContent = cur ? String(cur.counter) : "";
    $("words").textContent = cur ? cur.words : body.dataset.nobody;
    var recent = $("recent");
    recent.textContent = "";
    st.recent.forEach(function (c) {
      var li = el("li");
      li.appendChild(el("span", "number", c.label));
      li.appendChild(el("span", "to", "\u2192 " + c.counter));
      recent.appendChild(li);
    });
    var rows = $("services");
    rows.textContent = "";
    st.services.forEach(function (s) {
      var tr = el("tr");
      var name = el("td");
      name.appendChild(el("span", "prefix", s.prefix));
      name.appendChild(document.createTextNode(s.name));
      tr.appendChild(name);
      tr.appendChild(el("td", "number", String(s.waiting)));
      tr.appendChild(el("td", "", s.wait_minutes === null ? "—"
        : body.dataset.minutes.replace("{m}", s.wait_minutes)));
      rows.appendChild(tr);
    });
    var text = st.notices.join("   •   ");
    if ($("ticker").textContent !== text) $("ticker").textContent = text;
  }
  function onCall(call) {
    if (call.seq <= lastSeq && window.deskCalls.some(function (c) { return c.seq === call.seq; })) return;
    if (call.seq > lastSeq) lastSeq = call.seq;
    window.deskCalls.push({ seq: call.seq, label: call.label, counter: call.counter,
      kind: call.kind, received: Date.now(), fresh: call.fresh });
    var box = $("call");
    box.classList.remove("fresh");
    void box.offsetWidth;  // restart the animation
    box.classList.add("fresh");
    clearTimeout(fresh);
    fresh = setTimeout(function () { box.classList.remove("fresh"); }, 10000);
    if (call.fresh) speak(call);
  }

  var live = window.DeskLive(function () {
    return lastSeq < 0 ? "/events" : "/events?after=" + lastSeq;
  },
    { state: render, call: onCall, tick: function () {} }, $("offline"));
  window.DeskClock($("clock"), live, body.dataset.tz || "Asia/Ho_Chi_Minh");
  window.deskLive = live;
})();
