// The benchmark's peer: a worker that does nothing but write to a ResourceStore, so the API's figure
// can be set beside the store's own rate over the same HTTPS front door.
export default {
  async fetch(request, env) {
    const { key, namespace, name, value } = await request.json();
    const store = env.STORE.get(env.STORE.idFromName("default/bench-raw/0"));
    const out = await store.create("bench-raw", key, namespace, name, value);
    return new Response(null, { status: out.ok ? 201 : 409 });
  },
};
