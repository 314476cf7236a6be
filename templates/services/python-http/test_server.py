import json
import threading
import unittest
import urllib.error
import urllib.request

from server import create_server


class ServerTest(unittest.TestCase):
    def setUp(self):
        self.server, self.state = create_server("127.0.0.1", 0, "/api")
        self.base_url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever)
        self.thread.start()

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def get(self, path):
        try:
            with urllib.request.urlopen(self.base_url + path, timeout=5) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def test_healthz(self):
        self.assertEqual(self.get("/healthz"), (200, {"status": "ok"}))

    def test_readyz_follows_state(self):
        self.state.ready = True
        self.assertEqual(self.get("/readyz")[0], 200)
        self.state.ready = False
        self.assertEqual(self.get("/readyz")[0], 503)

    def test_routes_under_base_path(self):
        self.assertEqual(self.get("/api")[0], 200)
        self.assertEqual(self.get("/api/")[0], 200)
        self.assertEqual(self.get("/elsewhere")[0], 404)


if __name__ == "__main__":
    unittest.main()
