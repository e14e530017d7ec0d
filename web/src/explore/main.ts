import './explore.css';
import { sendEarlyNeighbourhoods } from './early-request';

// The entry of /explore. The page's code is almost all Cytoscape.js (about 440 of its 480 KiB): parsing and
// running it, and building the page's parts, took a cold load some 300 ms before the first /graphql request
// went out. So this small module sends the neighbourhoods the URL asks for first, and the rest of the page
// (app.ts, preloaded by a <link rel=modulepreload> the build adds) is loaded and run while the API answers.
sendEarlyNeighbourhoods(window.location.search);
void import('./app');
