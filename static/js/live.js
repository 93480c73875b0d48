// Follows the committee's live stream (sessions/live.py) over a websocket.
//
// Messages about the whole committee are numbered: the page knows the number of the state
// it was rendered with (body[data-live-seq]) and applies each message whose "prev" is the
// last number it applied. A message that does not follow (one was missed), a "hello" with a
// newer number (something happened while connecting) or a "resync" makes it fetch the whole
// state once (body[data-live-state-url]) and go on from there. Messages that carry state
// replace the fragments marked data-live-html="<name>"; every message also becomes an event
// on <body> ("live:roll_call", and scoped names such as "live:papers-paper-3", since the
// Content-Security-Policy forbids htmx's eval filters), which parts that fetch what they
// show listen to. After a catch-up those parts hear "live:resync".
// The connection's state shows in #live-status and in body[data-live] ("on"/"off").
(function () {
  var body = document.body;
  var url = body.dataset.liveUrl;
  if (!url || !window.WebSocket) return;
  var stateUrl = body.dataset.liveStateUrl;
  var last = parseInt(body.dataset.liveSeq || "0", 10);
  var status = document.getElementById("live-status");
  var delay = 0;
  var wasOpen = false;
  var catching = null;  // the catch-up under way
  var again = false;
  var held = [];  // numbered messages received during a catch-up
  var hideTimer = null;

  function show(text, kind) {
    if (!status) return;
    clearTimeout(hideTimer);
    status.textContent = text;
    status.dataset.kind = kind;
    status.hidden = false;
    if (kind === "ok") hideTimer = setTimeout(function () { status.hidden = true; }, 3000);
  }

  function fire(name, detail) {
    if (window.htmx) htmx.trigger(body, name, detail);
    else body.dispatchEvent(new CustomEvent(name, { detail: detail }));
  }

  function swapFragments(message) {
    var html = message.html;
    if (!html) return;
    Object.keys(html).forEach(function (name) {
      document.querySelectorAll('[data-live-html="' + name + '"]').forEach(function (element) {
        var meeting = element.dataset.liveMeeting;
        if (meeting && meeting !== "latest" && message.meeting != null &&
            String(message.meeting) !== meeting) return;
        if (meeting === "latest" && message.latest != null && message.meeting !== message.latest) return;
        element.innerHTML = html[name];
        if (window.htmx) htmx.process(element);
      });
    });
  }

  function dispatch(message) {
    swapFragments(message);
    fire("live:" + message.what, message);
    ["paper", "draft", "meeting", "topic", "delegation"].forEach(function (key) {
      if (message[key] !== undefined && message[key] !== null) {
        fire("live:" + message.what + "-" + key + "-" + message[key], message);
      }
    });
  }

  function take(message) {
    if (message.what === "hello") {
      if (message.seq > last) catchUp();
      return;
    }
    if (message.what === "resync") { catchUp(); return; }
    if (message.seq === undefined) {  // a private signal (a paper still with its sponsors)
      dispatch(message);
      fire("live:" + message.what + "-private", message);
      return;
    }
    if (catching) { held.push(message); return; }
    if (message.seq <= last) return;  // already in the state shown
    if (message.prev === last) {
      last = message.seq;
      dispatch(message);
      return;
    }
    held.push(message);
    catchUp();
  }

  function release() {
    var waiting = held.sort(function (a, b) { return a.seq - b.seq; });
    held = [];
    for (var i = 0; i < waiting.length; i++) {
      var message = waiting[i];
      if (message.seq <= last) continue;
      if (message.prev !== last) { held = waiting.slice(i); catchUp(); return; }
      last = message.seq;
      dispatch(message);
    }
  }

  function catchUp() {
    if (!stateUrl) return;
    if (catching) { again = true; return; }
    again = false;
    catching = fetch(stateUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (snapshot) {
        catching = null;
        if (snapshot.seq >= last) {
          last = snapshot.seq;
          Object.keys(snapshot.parts).forEach(function (what) {
            var message = Object.assign({ what: what, snapshot: true }, snapshot.parts[what]);
            dispatch(message);
          });
          fire("live:resync", { seq: last });
        }
        body.dataset.liveSeq = String(last);
        if (again) { catchUp(); return; }
        release();
      })
      .catch(function () {
        catching = null;
        setTimeout(catchUp, 2000);
      });
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + url);
    socket.onopen = function () {
      delay = 0;
      body.dataset.live = "on";
      if (wasOpen) show("Connection restored.", "ok");
      else if (status && !status.hidden) show("Connected.", "ok");
      fire("live:connected", { again: wasOpen });
      wasOpen = true;
    };
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (error) { return; }
      if (message && message.what) take(message);
    };
    socket.onclose = function (event) {
      body.dataset.live = "off";
      if (event.code === 4403 || event.code === 4401) return;  // refused, or logged out
      show("Connection lost: reconnecting… What you see may be out of date.", "lost");
      // A room's screens reconnect spread over a moment, not all in the same millisecond,
      // and try again every few seconds, so they are back soon after the server is.
      delay = delay ? Math.min(delay * 2, 4000) : 500;
      retry = setTimeout(function () { retry = null; connect(); }, delay / 2 + Math.random() * delay);
    };
  }
  var retry = null;
  // Back on the network (a laptop's Wi-Fi returns): try at once rather than at the next turn.
  window.addEventListener("online", function () {
    if (body.dataset.live !== "off" || retry === null) return;
    clearTimeout(retry);
    retry = null;
    delay = 0;
    connect();
  });
  connect();
})();
