// Bundled by esbuild into the benchmark page's ajv.js.
import Ajv from "ajv";
import addFormats from "ajv-formats";
export default { Ajv, addFormats };
