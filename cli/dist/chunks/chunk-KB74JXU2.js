function t(r){return r<1024?`${r} B`:r<1024*1024?`${(r/1024).toFixed(1)} KiB`:`${(r/1024/1024).toFixed(1)} MiB`}export{t as a};
