package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/stretchr/testify/require"
)

func TestGenerateBucketURL(t *testing.T) {
	srv, c := setupFor(t, "generateBucketURL")
	body := specRequestExample[api.BucketURLGeneration](t, "generateBucketURL")
	got, err := c.Bucket.GenerateBucketURL(t.Context(), body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.BucketURL](t, srv, "generateBucketURL"), *got)
	require.NotNil(t, got.URL)
	req := requireSent(t, srv, "generateBucketURL", "POST", "bucket", "url", "generate")
	requireBody(t, req, string(requestExamples(t)["generateBucketURL"]))

	srv.Reset()
	_, err = c.Bucket.GenerateBucketURL(t.Context(), nil)
	requireRefused(t, srv, err)
}
