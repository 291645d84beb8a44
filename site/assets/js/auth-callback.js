// /auth/: where Cognito's hosted UI returns with ?code=&state=; redeem the code, then back to the page that
// started the sign-in.

import { completeSignIn } from "./auth.js";

const status = document.getElementById("callback-status");

completeSignIn()
  .then((next) => location.replace(next))
  .catch((error) => {
    status.textContent = `登录未完成：${error.message}`;
    status.className = "notice notice--error";
    document.getElementById("callback-retry").hidden = false;
    status.focus();
  });
