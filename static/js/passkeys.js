// Passkeys in the staff admin (iop_site/two_factor/views.py). A page gives the WebAuthn options as
// JSON (json_script); this runs the browser's ceremony when the button is pressed and
// posts the answer in the button's form, where the server checks it. Without
// JavaScript the button stays hidden and the authenticator app's code form still works.
"use strict";

(function () {
  function toBytes(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
    return Uint8Array.from(atob(padded), function (character) {
      return character.charCodeAt(0);
    });
  }

  function toBase64url(buffer) {
    let binary = "";
    new Uint8Array(buffer).forEach(function (byte) {
      binary += String.fromCharCode(byte);
    });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function withBinaryIds(descriptors) {
    return (descriptors || []).map(function (descriptor) {
      return Object.assign({}, descriptor, { id: toBytes(descriptor.id) });
    });
  }

  function creationOptions(options) {
    return Object.assign({}, options, {
      challenge: toBytes(options.challenge),
      user: Object.assign({}, options.user, { id: toBytes(options.user.id) }),
      excludeCredentials: withBinaryIds(options.excludeCredentials),
    });
  }

  function requestOptions(options) {
    return Object.assign({}, options, {
      challenge: toBytes(options.challenge),
      allowCredentials: withBinaryIds(options.allowCredentials),
    });
  }

  // The credential in the JSON form py_webauthn reads (WebAuthn's toJSON()).
  function asJSON(credential) {
    const answer = credential.response;
    const response = { clientDataJSON: toBase64url(answer.clientDataJSON) };
    if (answer.attestationObject) {
      response.attestationObject = toBase64url(answer.attestationObject);
      response.transports = answer.getTransports ? answer.getTransports() : [];
    } else {
      response.authenticatorData = toBase64url(answer.authenticatorData);
      response.signature = toBase64url(answer.signature);
      if (answer.userHandle) {
        response.userHandle = toBase64url(answer.userHandle);
      }
    }
    return JSON.stringify({
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      response: response,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
    });
  }

  document.querySelectorAll("form[data-passkey]").forEach(function (form) {
    const button = form.querySelector("button[data-passkey-button]");
    const status = form.querySelector("[data-passkey-status]");
    if (!window.PublicKeyCredential || !navigator.credentials) {
      status.textContent = form.dataset.unsupported;
      return;
    }
    button.hidden = false;
    button.addEventListener("click", async function () {
      const source = document.getElementById(form.dataset.passkeyOptions);
      const options = JSON.parse(source.textContent);
      button.disabled = true;
      status.textContent = "";
      try {
        const credential =
          form.dataset.passkey === "create"
            ? await navigator.credentials.create({ publicKey: creationOptions(options) })
            : await navigator.credentials.get({ publicKey: requestOptions(options) });
        form.elements.credential.value = asJSON(credential);
        form.submit();
      } catch (error) {
        // Cancelled, timed out, or no passkey for this site on this device.
        status.textContent = form.dataset.failed;
        button.disabled = false;
      }
    });
  });
})();
