// Progressive enhancement only: every page works without this file.
import { initAll } from '/webjars/govuk-frontend/5.7.1/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
