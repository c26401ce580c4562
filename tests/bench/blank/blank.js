document.querySelector('input').addEventListener('input', (event) => {
  document.querySelector('ul.results').append(Object.assign(document.createElement('li'), { textContent: event.target.value }));
});
