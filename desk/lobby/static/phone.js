/* The citizen's phone: the status of one ticket, live. */
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var ticket = document.body.dataset.ticket;
  var was = null;
  function show(s) {
    $("message").hidden = s.found;
    if (!s.found) {
      $("message").textContent = s.message;
      return;
    }
    $("label").textContent = s.label;
    $("service").textContent = s.service;
    $("state").textContent = s.state_text;
    $("state").className = "state" + (s.state === "CALLED" ? " called" : "");
    $("serving").textContent = s.serving || "—";
    $("ahead").textContent = s.ahead === null ? "—" : String(s.ahead);
    $("wait").textContent = s.wait_text || "—";
    if (s.state === "CALLED" && was !== "CALLED" && navigator.vibrate) navigator.vibrate([300, 150, 300]);
    was = s.state;
  }
  var live = window.DeskLive(function () { return "/t/" + encodeURIComponent(ticket) + "/events"; },
    { status: show, tick: function () {} }, $("offline"));
  window.DeskClock($("clock"), live, document.body.dataset.tz || "Asia/Ho_Chi_Minh", true);
})();
