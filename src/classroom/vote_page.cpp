#include "vote_page.hpp"

#include <salesdojo/report/catalogue.hpp>

#include <nlohmann/json.hpp>

namespace salesdojo::classroom::detail {
namespace {

// The page builds every text with textContent (never innerHTML), so nothing from the server can
// become markup. It polls the ballot every 1.5 s, well under the per-device rate limit.
const char* const kPage = R"html(<!doctype html>
<html lang="@LANG@">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>@TITLE@</title>
<style nonce="@NONCE@">
:root{color-scheme:light dark}
body{font:18px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:16px;background:#fff;color:#111}
main{max-width:36rem;margin:0 auto}
h1{font-size:1.4rem;margin:.2rem 0 .8rem}
#status{min-height:1.6em;font-weight:600}
button{font:inherit;cursor:pointer}
.option{display:block;width:100%;min-height:3.5rem;margin:.7rem 0;padding:.8rem 1rem;text-align:left;
  border:3px solid #1a4d8f;border-radius:.8rem;background:#eef3fa;color:#111}
.option[aria-pressed="true"]{background:#1a4d8f;color:#fff}
.option:disabled{opacity:.55;cursor:default}
form{margin:1rem 0}input{font:inherit;padding:.6rem;width:100%;box-sizing:border-box;margin:.4rem 0}
form button{padding:.6rem 1.4rem;border-radius:.6rem;border:2px solid #1a4d8f;background:#1a4d8f;color:#fff}
nav{margin-top:2rem;font-size:.9rem}nav a{color:inherit}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}.option{background:#1d2633;color:#eee;border-color:#6fa0e0}
  .option[aria-pressed="true"]{background:#6fa0e0;color:#111}}
</style>
</head>
<body>
<main>
<h1 id="heading">@TITLE@</h1>
<p id="status" role="status" aria-live="polite">@JOINING@</p>
<form id="name-form" hidden>
<label for="name">@NAME_LABEL@</label>
<input id="name" maxlength="40" autocomplete="off" required>
<button type="submit">@JOIN@</button>
</form>
<div id="options"></div>
<nav><a href="?lang=nl" hreflang="nl">NL</a> · <a href="?lang=en" hreflang="en">EN</a></nav>
</main>
<script nonce="@NONCE@">
(function () {
  'use strict';
  var W = @WORDS@;
  var ASK_NAMES = @ASK_NAMES@;
  var base = location.pathname.replace(/\/+$/, '');
  var key = 'salesdojo-device:' + base;
  var device = null, ballot = null, shown = '', timer = null, last = null;
  try { device = sessionStorage.getItem(key); } catch (e) {}
  function el(id) { return document.getElementById(id); }
  function say(text) { el('status').textContent = text; }
  function api(method, path, body) {
    var headers = {'Content-Type': 'application/json'};
    if (device) headers['X-Device'] = device;
    return fetch(base + path, {method: method, headers: headers, cache: 'no-store',
                               body: body === undefined ? undefined : JSON.stringify(body)});
  }
  function later(ms) { clearTimeout(timer); timer = setTimeout(poll, ms); }
  function join(name) {
    say(W.joining);
    api('POST', '/join', ASK_NAMES ? {name: name} : {}).then(function (r) {
      if (r.status === 429) { say(W.busy); setTimeout(function () { join(name); }, 2000); return null; }
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    }).then(function (j) {
      if (!j) return;
      device = j.device;
      try { sessionStorage.setItem(key, device); } catch (e) {}
      el('name-form').hidden = true;
      poll();
    }).catch(function () { say(W.lost); setTimeout(function () { join(name); }, 3000); });
  }
  function status(b) {
    if (b.finished) return W.finished;
    if (!b.open) return b.my_vote === null ? W.waiting : W.closed;
    if (b.my_vote === null) return W.pick;
    return last === 'changed' ? W.changed : W.counted;
  }
  function render(b) {
    ballot = b;
    document.body.setAttribute('data-decision', String(b.decision));
    document.body.setAttribute('data-my-vote', b.my_vote === null ? '' : String(b.my_vote));
    var text = status(b);
    var signature = JSON.stringify(b);
    say(text);
    if (signature === shown) return;
    shown = signature;
    var box = el('options');
    while (box.firstChild) box.removeChild(box.firstChild);
    if (b.finished) { el('heading').textContent = W.title; return; }
    el('heading').textContent = W.decision.replace('{1}', String(b.decision + 1));
    b.options.forEach(function (o, i) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'option';
      button.id = 'option-' + (i + 1);
      button.textContent = o.number + '. ' + o.text;
      button.setAttribute('aria-pressed', b.my_vote === i ? 'true' : 'false');
      button.disabled = !b.open;
      button.addEventListener('click', function () { vote(i); });
      box.appendChild(button);
    });
  }
  function poll() {
    if (!device) return;
    api('GET', '/ballot').then(function (r) {
      if (r.status === 403) { device = null; try { sessionStorage.removeItem(key); } catch (e) {} start(); return null; }
      if (r.status === 429) { later(3000); return null; }
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    }).then(function (b) {
      if (!b) return;
      if (ballot && b.decision !== ballot.decision) last = null;
      render(b);
      if (!b.finished) later(1500);
    }).catch(function () { say(W.lost); later(4000); });
  }
  function vote(option) {
    if (!ballot) return;
    api('POST', '/vote', {decision: ballot.decision, option: option}).then(function (r) {
      if (r.status === 429) { say(W.busy); return null; }
      return r.json().then(function (j) { return {ok: r.ok, body: j}; });
    }).then(function (answer) {
      if (!answer) return;
      if (answer.ok) {
        last = answer.body.result;
        ballot.my_vote = answer.body.my_vote;
        shown = '';
        render(ballot);
      } else {
        poll();
      }
    }).catch(function () { say(W.lost); });
  }
  function start() {
    if (device) { poll(); return; }
    if (!ASK_NAMES) { join(''); return; }
    say('');
    el('name-form').hidden = false;
    el('name-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var name = el('name').value.trim();
      if (name) join(name);
    }, {once: true});
  }
  start();
})();
</script>
</body>
</html>
)html";

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// Our own words, but escaped as if they were not: no '<', '>' or '&' reaches the markup raw.
std::string html_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string vote_page(const std::string& language, const std::string& nonce, bool ask_names) {
    const std::string lang = language == "nl" ? "nl" : "en";
    auto word = [&](const char* key) { return std::string(report::word(std::string("classroom.phone.") + key, lang)); };
    nlohmann::json words;
    for (const char* key : {"title", "joining", "waiting", "decision", "pick", "counted", "changed", "closed",
                            "finished", "busy", "lost"})
        words[key] = word(key);
    std::string words_js = words.dump(-1, ' ', true);  // ASCII only, \u escapes
    replace_all(words_js, "<", "\\u003c");             // never "</script>" inside the script

    std::string page = kPage;
    replace_all(page, "@LANG@", lang);
    replace_all(page, "@NONCE@", nonce);
    replace_all(page, "@TITLE@", html_text(word("title")));
    replace_all(page, "@JOINING@", html_text(word("joining")));
    replace_all(page, "@NAME_LABEL@", html_text(word("name_label")));
    replace_all(page, "@JOIN@", html_text(word("join")));
    replace_all(page, "@WORDS@", words_js);
    replace_all(page, "@ASK_NAMES@", ask_names ? "true" : "false");
    return page;
}

}  // namespace salesdojo::classroom::detail
