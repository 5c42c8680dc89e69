// Sends chat requests to Confab with the `ai` package's own client and prints what the SDK parsed.
// Usage: node ai-sdk-client.mjs '<json>' where json is
//   {"api": "http://…/api/v1/ai-sdk/chat", "token": "<JWT>", "requests": [{"chatId", "messages", "trigger"?, "messageId"?}]}
// Prints one JSON array on stdout: per request {"chunkTypes", "message", "errors"} or {"httpError"}.
import { DefaultChatTransport, readUIMessageStream } from 'ai';

const { api, token, requests } = JSON.parse(process.argv[2]);
const transport = new DefaultChatTransport({ api, headers: { Authorization: `Bearer ${token}` } });

async function send({ chatId, messages, trigger = 'submit-message', messageId }) {
  let stream;
  try {
    stream = await transport.sendMessages({ chatId, messages, trigger, messageId, abortSignal: undefined });
  } catch (error) {
    return { httpError: error.message };
  }
  const [forTypes, forMessage] = stream.tee();
  const chunkTypes = [];
  const typesRead = (async () => {
    for await (const chunk of forTypes) chunkTypes.push(chunk.type);
  })();
  const errors = [];
  let message = null;
  for await (const snapshot of readUIMessageStream({ stream: forMessage, onError: (e) => errors.push(e.message) })) {
    message = snapshot;
  }
  await typesRead;
  return { chunkTypes, message, errors };
}

const results = [];
for (const request of requests) {
  results.push(await send(request));
}
process.stdout.write(JSON.stringify(results));
