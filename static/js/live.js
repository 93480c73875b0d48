// Follows the committee's websocket and turns each message into an htmx event on <body>:
// {"what": "roll_call"} becomes "live:roll_call". Pages refresh their parts with
// hx-trigger="live:roll_call from:body". The socket only signals; data comes from the server.
(function () {
  var url = document.body.dataset.liveUrl;
  if (!url || !window.WebSocket) return;
  var delay = 1000;
  var wasOpen = false;
  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + url);
    socket.onopen = function () {
      delay = 1000;
      document.body.dataset.live = "on";
      // Pages that keep state themselves (the vote's tally) catch up once on each connection:
      // messages sent while the socket was down are not replayed.
      htmx.trigger(document.body, "live:connected", { again: wasOpen });
      wasOpen = true;
    };
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (!data.what) return;
      htmx.trigger(document.body, "live:" + data.what, data);
      // Scoped names for parts that follow one record, e.g. "live:papers-paper-3" (htmx's
      // trigger filters would need eval, which the Content-Security-Policy forbids).
      ["paper", "draft", "meeting", "topic"].forEach(function (key) {
        if (data[key] !== undefined && data[key] !== null) {
          htmx.trigger(document.body, "live:" + data.what + "-" + key + "-" + data[key], data);
        }
      });
    };
    socket.onclose = function (event) {
      document.body.dataset.live = "off";
      if (event.code === 4403 || event.code === 4401) return;  // refused, or logged out
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
})();
