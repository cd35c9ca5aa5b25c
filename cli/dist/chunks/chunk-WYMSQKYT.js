var t=".github/tollgate.yml";export{t as a};
