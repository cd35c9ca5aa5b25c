var o=["error","warn","never"];function i(e,t){return t==="never"?[]:e.checks.filter(r=>!r.ok&&(t==="warn"||r.severity==="error"))}function n(e,t){return i(e,t).length>0}export{o as a,n as b};
