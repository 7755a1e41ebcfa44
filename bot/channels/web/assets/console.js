// 答复助手 web console: the little behaviour the pages need, plain ES5-compatible code for older in-app browsers.
(function () {
  'use strict'
  function ready(fn) {
    if (document.readyState !== 'loading') fn()
    else document.addEventListener('DOMContentLoaded', fn)
  }

  ready(function () {
    // Arriving from a citation: bring the highlighted passage into view (the #anchor only reaches its section).
    var mark = document.querySelector('mark.hl')
    if (mark && mark.scrollIntoView) mark.scrollIntoView({ block: 'center' })

    // Destructive forms ask first.
    var confirming = document.querySelectorAll('form[data-confirm]')
    for (var i = 0; i < confirming.length; i++) {
      confirming[i].addEventListener('submit', function (event) {
        if (!window.confirm(this.getAttribute('data-confirm'))) event.preventDefault()
      })
    }

    // Ingest progress: poll the JSON endpoint until the job ends, then show its outcome.
    var progress = document.getElementById('ingest-progress')
    if (progress) poll(progress)
  })

  function poll(box) {
    var bar = box.querySelector('progress')
    var label = box.querySelector('.phase')
    var request = new XMLHttpRequest()
    request.open('GET', box.getAttribute('data-src'))
    request.setRequestHeader('Accept', 'application/json')
    request.onload = function () {
      var state
      try { state = JSON.parse(request.responseText) } catch (e) { state = null }
      if (!state) return setTimeout(function () { poll(box) }, 2000)
      label.textContent = state.message
      if (state.total) { bar.max = state.total; bar.value = state.done } else bar.removeAttribute('value')
      if (state.running) setTimeout(function () { poll(box) }, 700)
      else {
        bar.max = 1; bar.value = 1
        box.setAttribute('data-finished', state.ok ? 'ok' : 'failed')
        var result = box.querySelector('.result')
        result.textContent = state.result || ''
        result.hidden = false
      }
    }
    request.onerror = function () { setTimeout(function () { poll(box) }, 2000) }
    request.send()
  }
})()
