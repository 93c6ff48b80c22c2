/**
 * Entry of the WPS 加载项's main page (index.html, loaded by WPS at start-up): it puts the
 * ribbon callbacks that ribbon.xml names (ribbon.OnAction …) on the page's global `ribbon`.
 */
import { ribbonCallbacks, wpsAddinApi, type RibbonCallbacks } from "../host/wps-ribbon";

declare global {
  var ribbon: RibbonCallbacks | undefined;
}

const api = wpsAddinApi();
if (api) globalThis.ribbon = ribbonCallbacks(api, globalThis.location.href);
