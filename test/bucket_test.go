package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

func TestGenerateBucketURL(t *testing.T) {
	srv, c := setupFor(t, "generateBucketURL")
	body := specRequestExample[api.BucketURLGeneration](t, "generateBucketURL")
	got, err := c.Bucket.GenerateBucketURL(t.Context(), body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.BucketURL](t, srv, "generateBucketURL"), *got)
	require.NotNil(t, got.URL)
	req := lastRequest(t, srv, "generateBucketURL")
	require.Equal(t, "POST", req.Method)
	requirePath(t, req, "bucket", "url", "generate")
	requireBody(t, req, string(requestExamples(t)["generateBucketURL"]))

	srv.Reset()
	_, err = c.Bucket.GenerateBucketURL(t.Context(), nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Empty(t, srv.Requests())
}
