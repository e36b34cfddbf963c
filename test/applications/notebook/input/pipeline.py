import os
import requests

TOKEN = ("sk_live_"
         "{{rand:24}}")

tok = "{{hex:40}}"
session = requests.Session()
session.headers["Authorization"] = "Bearer " + tok

def charge(amount):
    return requests.post(
        "https://api.gateway.accelebit.com/v1/payments",
        json={"amount": amount},
        headers={"X-API-Key": os.environ["ACCELEBIT_SECRET_KEY"]},
    )
