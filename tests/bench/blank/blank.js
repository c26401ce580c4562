// The reference page answers what is typed. Text typed before this script ran (the input is
// parsed first, and the bench types as soon as it exists) is answered at once: without that, a
// keystroke in that gap was never answered and the bench waited for ever.
const input = document.querySelector('input');
const results = document.querySelector('ul.results');
const answer = (text) => results.append(Object.assign(document.createElement('li'), { textContent: text }));
input.addEventListener('input', (event) => answer(event.target.value));
if (input.value) answer(input.value);
