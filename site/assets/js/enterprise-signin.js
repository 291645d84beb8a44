import { mountSignIn } from "./auth.js";

mountSignIn({
  roles: ["enterprise"],
  onSignedIn: () => {
    document.getElementById("signin").hidden = true;
    document.getElementById("next-steps").hidden = false;
  },
});
